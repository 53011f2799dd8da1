package dev.chorus.handshake;

import java.util.Map;

/**
 * Why an upgrade request breaks a rule or a cap: the HTTP status to answer, a short reason for the body and
 * the log, and any header the client needs (e.g. {@code Sec-WebSocket-Version: 13} with 426).
 */
public record Rejection(int status, String reason, Map<String, String> headers) {

    static Rejection of(int status, String reason) {
        return new Rejection(status, reason, Map.of());
    }
}
