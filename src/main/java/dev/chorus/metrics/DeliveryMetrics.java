package dev.chorus.metrics;

import dev.chorus.broadcast.BroadcastListener.Eviction;
import dev.chorus.broadcast.Outbox;
import dev.chorus.broadcast.Outgoing;
import dev.chorus.connection.Audience;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/** What goes through the room: messages in and out, broadcast fan-out, what waits in outboxes, who falls behind. */
final class DeliveryMetrics {

    private static final Duration[] FANOUT_BUCKETS = {
        Duration.ofNanos(10_000), Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(500_000),
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1)
    };

    private final MeterRegistry registry;
    private final Traffic received;
    private final Traffic sent;
    private final Timer fanOut;
    private final Map<Eviction, Counter> evictions = new EnumMap<>(Eviction.class);

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        received = new Traffic(registry, "received", "from clients");
        sent = new Traffic(registry, "sent", "to clients, one per recipient");
        fanOut = Timer.builder("chorus.broadcast.fanout")
                .description("How long one broadcast takes to reach every client's outbox")
                .serviceLevelObjectives(FANOUT_BUCKETS)
                .register(registry);
        for (Eviction eviction : Eviction.values()) {
            evictions.put(
                    eviction,
                    Counter.builder("chorus.slow.consumers.evicted")
                            .description("Clients closed with 1008 as slow consumers, by reason")
                            .tag("reason", eviction.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
    }

    void receivedText(long bytes) {
        received.text(bytes);
    }

    void receivedBinary(int bytes) {
        received.binary(bytes);
    }

    void fannedOut(long nanos) {
        fanOut.record(nanos, TimeUnit.NANOSECONDS);
    }

    void delivered(Outgoing message) {
        if (message instanceof Outgoing.Text) {
            sent.text(message.size());
        } else {
            sent.binary(message.size());
        }
    }

    void evicted(Eviction why) {
        evictions.get(why).increment();
    }

    /** Shows what is queued for {@code audience}'s members, in messages and in bytes. */
    void watchOutboxes(Audience audience) {
        outboxGauge(
                audience, "chorus.outbox.queued.messages", "Messages queued for all clients", Outbox::pendingMessages);
        outboxGauge(audience, "chorus.outbox.queued.bytes", "Bytes queued for all clients", Outbox::pendingBytes);
    }

    private void outboxGauge(Audience audience, String name, String description, ToLongFunction<Outbox> depth) {
        Gauge.builder(name, () -> sumOverOutboxes(audience, depth))
                .description(description)
                .register(registry);
    }

    /** Read at scrape time only: one pass over the members. */
    private static long sumOverOutboxes(Audience audience, ToLongFunction<Outbox> depth) {
        long[] sum = {0};
        audience.forEach(session -> Audience.outbox(session).ifPresent(o -> sum[0] += depth.applyAsLong(o)));
        return sum[0];
    }
}
