package dev.chorus.health;

import dev.chorus.lifecycle.Admission;
import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.ops.Replies;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /health/live}: 200 while the server answers at all. {@code GET /health/ready}: 200 while new
 * clients may join, 503 in maintenance or while draining for shutdown, so a load balancer stops sending
 * newcomers before they would be refused.
 */
public final class HealthEndpoint implements OpsEndpoint {

    private final Supplier<Admission> admission;

    /**
     * @param admission the current room's admission (looked up per request)
     */
    public HealthEndpoint(Supplier<Admission> admission) {
        this.admission = admission;
    }

    @Override
    public OpsReply handle(OpsRequest request) {
        if (!request.path().equals("/live") && !request.path().equals("/ready")) {
            return Replies.notFound();
        }
        if (!request.method().equals("GET")) {
            return Replies.methodNotAllowed("GET");
        }
        if (request.path().equals("/live")) {
            return OpsReply.json(200, Replies.object().add("status", "UP").build());
        }
        Optional<Refusal> refusal = admission.get().refusal();
        if (refusal.isEmpty()) {
            return OpsReply.json(200, Replies.object().add("status", "UP").build());
        }
        return OpsReply.json(
                503,
                Replies.object()
                        .add("status", "DOWN")
                        .add("reason", refusal.get().label())
                        .build());
    }
}
