package dev.chorus.metrics;

import dev.chorus.broadcast.BroadcastListener;
import dev.chorus.broadcast.Outbox;
import dev.chorus.broadcast.Outgoing;
import dev.chorus.bus.BusTelemetry;
import dev.chorus.connection.Audience;
import dev.chorus.heartbeat.HeartbeatListener;
import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.protocol.Utf8;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * Every metric Chorus exports, and the only place their names live. One instance per room, with its own
 * Prometheus registry, so the launcher, Payara and WildFly export the same names. Per-message paths only
 * bump counters resolved up front: nothing is looked up or allocated per message.
 */
public final class ChatMetrics implements BroadcastListener, HeartbeatListener, BusTelemetry, AutoCloseable {

    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Duration[] FANOUT_BUCKETS = {
        Duration.ofNanos(10_000), Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(500_000),
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1)
    };

    private static final Duration[] LAG_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)
    };

    /**
     * The one HELP text of {@code chorus_connections_rejected_total}, whose reasons come from two places: the
     * room's admission (503) and the handshake rules (their HTTP status). Prometheus shows one text per name.
     */
    private static final String REJECTED_HELP = "New clients turned away before the upgrade, by reason: maintenance,"
            + " draining or bus-down (503 with Retry-After), or http-STATUS for an upgrade the handshake rules"
            + " refused (http-400, http-403, http-405, http-426, http-503)";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter accepted;
    private final Map<Refusal, Counter> rejected = new EnumMap<>(Refusal.class);
    private final Map<Integer, Counter> refusedHandshakes = new ConcurrentHashMap<>();
    private final Traffic received;
    private final Traffic sent;
    private final Timer fanOut;
    private final Map<Eviction, Counter> evictions = new EnumMap<>(Eviction.class);
    private final Counter pings;
    private final Counter missedPongs;
    private final Map<String, Counter> closes = new ConcurrentHashMap<>();
    private final Map<String, Counter> limitsCrossed = new ConcurrentHashMap<>();
    private final Counter busPublished;
    private final Counter busReceived;
    private final Timer busLag;
    private final Counter busReconnects;
    private final ProcessMetrics process = new ProcessMetrics(registry);

    public ChatMetrics() {
        accepted = Counter.builder("chorus.connections.accepted")
                .description("Clients that joined")
                .register(registry);
        for (Refusal refusal : Refusal.values()) {
            rejected.put(
                    refusal,
                    Counter.builder("chorus.connections.rejected")
                            .description(REJECTED_HELP)
                            .tag("reason", refusal.label())
                            .register(registry));
        }
        for (CloseReason limit : List.of(
                CloseReasons.TOO_BIG,
                CloseReasons.TOO_MANY_FRAGMENTS,
                CloseReasons.RATE_LIMITED,
                CloseReasons.BYTE_RATE_LIMITED)) {
            limitsCrossed.put(limit.getReasonPhrase(), limitCounter(limit.getReasonPhrase()));
        }
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
                            .tag("reason", eviction.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry));
        }
        pings = Counter.builder("chorus.pings.sent")
                .description("Heartbeat pings")
                .register(registry);
        missedPongs = Counter.builder("chorus.pongs.missed")
                .description("Clients closed because their pong came late")
                .register(registry);
        busPublished = Counter.builder("chorus.bus.published")
                .description("Events this node put on the bus (Redis: XADDs that succeeded)")
                .register(registry);
        busReceived = Counter.builder("chorus.bus.received")
                .description("Events this node took off the bus, its own included")
                .register(registry);
        busLag = Timer.builder("chorus.bus.lag")
                .description("From the bus taking an event in to this node reading it (Redis's clock against ours)")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        busReconnects = Counter.builder("chorus.bus.reconnects")
                .description("Times the bus came back after an outage")
                .register(registry);
    }

    /** Shows {@code reachable} as the gauge {@code chorus.bus.reachable} (1 or 0). */
    /** Shows the room's {@code audience}: the clients connected now, and what is queued for them. */
    public void watchAudience(Audience audience) {
        Gauge.builder("chorus.connections.open", audience::size)
                .description("Clients connected now")
                .register(registry);
        outboxGauge(
                audience, "chorus.outbox.queued.messages", "Messages queued for all clients", Outbox::pendingMessages);
        outboxGauge(audience, "chorus.outbox.queued.bytes", "Bytes queued for all clients", Outbox::pendingBytes);
    }

    public void watchBus(BooleanSupplier reachable) {
        Gauge.builder("chorus.bus.reachable", () -> reachable.getAsBoolean() ? 1 : 0)
                .description("Whether this node reaches the other nodes (always 1 without Redis)")
                .register(registry);
    }

    /**
     * Shows {@code pending} as the gauge {@code chorus.handshakes.pending}: connections that have not yet sent a
     * complete request (the launcher's handshake deadlines), so a soak can check it comes back to its baseline.
     */
    public void watchHandshakes(IntSupplier pending) {
        Gauge.builder("chorus.handshakes.pending", pending::getAsInt)
                .description("Connections waiting for a complete request under the handshake timeout (launcher)")
                .register(registry);
    }

    /**
     * Shows {@code pending} as the gauge {@code chorus.closes.pending}: connections the server is closing whose
     * transport is not gone yet (each is dropped at the close timeout at the latest).
     */
    public void watchCloses(IntSupplier pending) {
        Gauge.builder("chorus.closes.pending", pending::getAsInt)
                .description("Connections the server is closing that are not gone yet (dropped at --close-timeout)")
                .register(registry);
    }

    /** The registry, e.g. to add JVM metrics or to read a meter in a test. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Stops what listens to the JVM for these metrics (the GC's notifications): the room is stopping. */
    @Override
    public void close() {
        process.close();
    }

    /** Everything, in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    public void accepted() {
        accepted.increment();
    }

    public void rejected(Refusal why) {
        rejected.get(why).increment();
    }

    /** An upgrade refused by the handshake rules (bad request, foreign origin, full server), by HTTP status. */
    public void handshakeRefused(int status) {
        refusedHandshakes
                .computeIfAbsent(status, s -> Counter.builder("chorus.connections.rejected")
                        .description(REJECTED_HELP)
                        .tag("reason", "http-" + s)
                        .register(registry))
                .increment();
    }

    /** A client sent a text message of {@code text}. */
    public void receivedText(String text) {
        received.text(Utf8.length(text));
    }

    /** A client sent a binary message of {@code bytes} bytes. */
    public void receivedBinary(int bytes) {
        received.binary(bytes);
    }

    /** One broadcast took {@code nanos} to reach every outbox. */
    public void fannedOut(long nanos) {
        fanOut.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A connection closed with {@code code}, whoever closed it; a code of the client's own is folded. */
    public void closed(int code) {
        closes.computeIfAbsent(CloseCodeLabel.of(code), label -> Counter.builder("chorus.closes")
                        .description("Closed connections, by close code (3xxx, 4xxx: application codes; other:"
                                + " reserved or invalid codes)")
                        .tag("code", label)
                        .register(registry))
                .increment();
    }

    /** A client crossed one of its inbound limits and is being closed with {@code reason}. */
    public void limitCrossed(CloseReason reason) {
        limitsCrossed
                .computeIfAbsent(reason.getReasonPhrase(), this::limitCounter)
                .increment();
    }

    private Counter limitCounter(String phrase) {
        return Counter.builder("chorus.limits.crossed")
                .description("Clients closed for what they sent: too big, too many fragments, too fast")
                .tag("reason", phrase.replace(' ', '-'))
                .register(registry);
    }

    @Override
    public void delivered(Outgoing message) {
        if (message instanceof Outgoing.Text) {
            sent.text(message.size());
        } else {
            sent.binary(message.size());
        }
    }

    @Override
    public void evicted(Eviction why) {
        evictions.get(why).increment();
    }

    @Override
    public void pinged() {
        pings.increment();
    }

    @Override
    public void pongMissed() {
        missedPongs.increment();
    }

    @Override
    public void published() {
        busPublished.increment();
    }

    @Override
    public void received() {
        busReceived.increment();
    }

    @Override
    public void lag(long millis) {
        busLag.record(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void reconnected() {
        busReconnects.increment();
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
