package dev.chorus.metrics;

import dev.chorus.broadcast.BroadcastListener;
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
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Every metric Chorus exports, through one object per room with its own Prometheus registry, so the launcher,
 * Payara and WildFly export the same names. The families live in this package by concern ({@link
 * AdmissionMetrics}, {@link DeliveryMetrics}, {@link BusMetrics}; heartbeats and closes here), and their names
 * nowhere else. Per-message paths only bump counters resolved up front: nothing is looked up or allocated per
 * message.
 */
public final class ChatMetrics implements BroadcastListener, HeartbeatListener, BusTelemetry, AutoCloseable {

    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AdmissionMetrics admission;
    private final Map<String, Counter> limitsCrossed = new ConcurrentHashMap<>();
    private final DeliveryMetrics delivery;
    private final Counter pings;
    private final Counter missedPongs;
    private final Map<String, Counter> closes = new ConcurrentHashMap<>();
    private final BusMetrics bus;
    private final ProcessMetrics process = new ProcessMetrics(registry);

    public ChatMetrics() {
        // In this order, as ever: the scrape lists the families in the order they were registered.
        admission = new AdmissionMetrics(registry);
        for (CloseReason limit : List.of(
                CloseReasons.TOO_BIG,
                CloseReasons.TOO_MANY_FRAGMENTS,
                CloseReasons.RATE_LIMITED,
                CloseReasons.BYTE_RATE_LIMITED)) {
            limitsCrossed.put(limit.getReasonPhrase(), limitCounter(limit.getReasonPhrase()));
        }
        delivery = new DeliveryMetrics(registry);
        pings = counter(registry, "chorus.pings.sent", "Heartbeat pings");
        missedPongs = counter(registry, "chorus.pongs.missed", "Clients closed because their pong came late");
        bus = new BusMetrics(registry);
    }

    /** A counter without tags, registered in {@code registry}. */
    static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    /** Shows the room's {@code audience}: the clients connected now, and what is queued for them. */
    public void watchAudience(Audience audience) {
        admission.watchOpen(audience::size);
        delivery.watchOutboxes(audience);
    }

    /** Shows {@code reachable} as the gauge {@code chorus.bus.reachable} (1 or 0). */
    public void watchBus(BooleanSupplier reachable) {
        bus.watch(reachable);
    }

    /**
     * Shows {@code pending} as the gauge {@code chorus.handshakes.pending}: connections that have not yet sent a
     * complete request (the launcher's handshake deadlines), so a soak can check it comes back to its baseline.
     */
    public void watchHandshakes(IntSupplier pending) {
        admission.watchHandshakes(pending);
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
        admission.accepted();
    }

    public void rejected(Refusal why) {
        admission.rejected(why);
    }

    /** An upgrade refused by the handshake rules (bad request, foreign origin, full server), by HTTP status. */
    public void handshakeRefused(int status) {
        admission.handshakeRefused(status);
    }

    /** A client sent a text message of {@code text}. */
    public void receivedText(String text) {
        delivery.receivedText(Utf8.length(text));
    }

    /** A client sent a binary message of {@code bytes} bytes. */
    public void receivedBinary(int bytes) {
        delivery.receivedBinary(bytes);
    }

    /** One broadcast took {@code nanos} to reach every outbox. */
    public void fannedOut(long nanos) {
        delivery.fannedOut(nanos);
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
        delivery.delivered(message);
    }

    @Override
    public void evicted(Eviction why) {
        delivery.evicted(why);
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
        bus.published();
    }

    @Override
    public void received() {
        bus.received();
    }

    @Override
    public void lag(long millis) {
        bus.lag(millis);
    }

    @Override
    public void reconnected() {
        bus.reconnected();
    }

    @Override
    public void error(ErrorKind kind) {
        bus.error(kind);
    }

    @Override
    public void readerRestarted() {
        bus.readerRestarted();
    }

    @Override
    public void backlogFull() {
        bus.backlogFull();
    }
}
