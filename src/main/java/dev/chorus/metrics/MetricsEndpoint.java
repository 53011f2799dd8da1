package dev.chorus.metrics;

import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.ops.Replies;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /metrics}: the room's metrics in the Prometheus text format. */
public final class MetricsEndpoint implements OpsEndpoint {

    private final Supplier<ChatMetrics> metrics;

    /**
     * @param metrics the current room's metrics (looked up per request: a WAR's room is made at deployment)
     */
    public MetricsEndpoint(Supplier<ChatMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public OpsReply handle(OpsRequest request) {
        if (!request.path().isEmpty()) {
            return Replies.notFound();
        }
        if (!request.method().equals("GET")) {
            return Replies.methodNotAllowed("GET");
        }
        return new OpsReply(200, ChatMetrics.CONTENT_TYPE, metrics.get().scrape(), Map.of());
    }
}
