package dev.chorus.ops;

/** An operations endpoint (metrics, health, admin), written once for the launcher and the WAR. */
@FunctionalInterface
public interface OpsEndpoint {

    /** Answers {@code request}; never throws for a bad request (that is a 4xx reply). */
    OpsReply handle(OpsRequest request);
}
