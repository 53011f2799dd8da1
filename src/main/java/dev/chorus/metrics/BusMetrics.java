package dev.chorus.metrics;

import dev.chorus.bus.BusTelemetry;
import dev.chorus.bus.BusTelemetry.ErrorKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The bus between nodes: events put on it and taken off, how late they arrive, its outages. */
final class BusMetrics implements BusTelemetry {

    private static final Duration[] LAG_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)
    };

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter received;
    private final Timer lag;
    private final Counter reconnects;
    private final Map<ErrorKind, Counter> errors = new EnumMap<>(ErrorKind.class);
    private final Counter readerRestarts;
    private final Counter backlogFull;

    BusMetrics(MeterRegistry registry) {
        this.registry = registry;
        published = ChatMetrics.counter(
                registry, "chorus.bus.published", "Events this node put on the bus (Redis: XADDs that succeeded)");
        received = ChatMetrics.counter(
                registry, "chorus.bus.received", "Events this node took off the bus, its own included");
        lag = Timer.builder("chorus.bus.lag")
                .description("From the bus taking an event in to this node reading it (Redis's clock against ours)")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        reconnects = ChatMetrics.counter(registry, "chorus.bus.reconnects", "Times the bus came back after an outage");
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(
                    kind,
                    Counter.builder("chorus.bus.errors")
                            .description(
                                    "Redis commands that failed: connection (no answer) or command (an error answer)")
                            .tag("kind", kind.label())
                            .register(registry));
        }
        readerRestarts = ChatMetrics.counter(
                registry,
                "chorus.bus.reader.restarts",
                "Times the Redis stream reader failed (not an outage) and restarted");
        backlogFull = ChatMetrics.counter(
                registry, "chorus.bus.backlog.full", "Events turned away because too much waited to go out on the bus");
    }

    /** Shows {@code reachable} as the gauge {@code chorus.bus.reachable} (1 or 0). */
    void watch(BooleanSupplier reachable) {
        Gauge.builder("chorus.bus.reachable", () -> reachable.getAsBoolean() ? 1 : 0)
                .description("Whether this node reaches the other nodes (always 1 without Redis)")
                .register(registry);
    }

    @Override
    public void published() {
        published.increment();
    }

    @Override
    public void received() {
        received.increment();
    }

    @Override
    public void lag(long millis) {
        lag.record(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void reconnected() {
        reconnects.increment();
    }

    @Override
    public void error(ErrorKind kind) {
        errors.get(kind).increment();
    }

    @Override
    public void readerRestarted() {
        readerRestarts.increment();
    }

    @Override
    public void backlogFull() {
        backlogFull.increment();
    }
}
