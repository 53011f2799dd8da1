package dev.chorus.metrics;

import dev.chorus.lifecycle.Admission.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** Who gets in: clients connected now, joins, and the upgrades turned away (by the room or the handshake). */
final class AdmissionMetrics {

    /**
     * The one HELP text of {@code chorus_connections_rejected_total}, whose reasons come from two places: the
     * room's admission (503) and the handshake rules (their HTTP status). Prometheus shows one text per name.
     */
    private static final String REJECTED_HELP = "New clients turned away before the upgrade, by reason: maintenance,"
            + " draining or bus-down (503 with Retry-After), or http-STATUS for an upgrade the handshake rules"
            + " refused (http-400, http-403, http-405, http-426, http-503)";

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Map<Refusal, Counter> rejected = new EnumMap<>(Refusal.class);
    private final Map<Integer, Counter> refusedHandshakes = new ConcurrentHashMap<>();

    AdmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        accepted = ChatMetrics.counter(registry, "chorus.connections.accepted", "Clients that joined");
        for (Refusal refusal : Refusal.values()) {
            rejected.put(refusal, rejectedCounter(refusal.label()));
        }
    }

    /** Shows {@code open} as the gauge {@code chorus.connections.open}: the clients connected now. */
    void watchOpen(IntSupplier open) {
        Gauge.builder("chorus.connections.open", open::getAsInt)
                .description("Clients connected now")
                .register(registry);
    }

    /** Shows {@code pending} as the gauge {@code chorus.handshakes.pending}. */
    void watchHandshakes(IntSupplier pending) {
        Gauge.builder("chorus.handshakes.pending", pending::getAsInt)
                .description("Connections waiting for a complete request under the handshake timeout (launcher)")
                .register(registry);
    }

    void accepted() {
        accepted.increment();
    }

    void rejected(Refusal why) {
        rejected.get(why).increment();
    }

    void handshakeRefused(int status) {
        refusedHandshakes
                .computeIfAbsent(status, s -> rejectedCounter("http-" + s))
                .increment();
    }

    private Counter rejectedCounter(String reason) {
        return Counter.builder("chorus.connections.rejected")
                .description(REJECTED_HELP)
                .tag("reason", reason)
                .register(registry);
    }
}
