package dev.chorus.bus;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One node alone, exactly as before there was a bus: ids 1, 2, 3 … and every event handed to the listener on
 * the publishing thread before {@link #publish} returns.
 */
final class LocalBus implements Bus {

    private final AtomicLong lastId;
    private final BusTelemetry telemetry;
    private volatile BusListener listener = event -> {};

    LocalBus(BusTelemetry telemetry) {
        this(telemetry, 0);
    }

    /** Ids after {@code lastId}: tests start near a boundary without that many joins. */
    LocalBus(BusTelemetry telemetry, long lastId) {
        this.telemetry = telemetry;
        this.lastId = new AtomicLong(lastId);
    }

    @Override
    public void start(BusListener newListener) {
        listener = newListener;
        newListener.reachable(true);
    }

    @Override
    public long nextIds(int count) {
        return lastId.getAndAdd(count) + 1;
    }

    @Override
    public boolean publish(BusEvent event) {
        telemetry.published();
        telemetry.received();
        listener.heard(event);
        return true;
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public void close() {}
}
