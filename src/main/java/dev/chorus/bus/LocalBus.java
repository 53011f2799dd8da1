package dev.chorus.bus;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node alone, exactly as before there was a bus: ids 1, 2, 3 … and every event handed to the listener on
 * the publishing thread before {@link #publish} returns.
 */
final class LocalBus implements Bus {

    private final AtomicInteger lastId = new AtomicInteger();
    private final BusTelemetry telemetry;
    private volatile BusListener listener = event -> {};

    LocalBus(BusTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void start(BusListener newListener) {
        listener = newListener;
        newListener.reachable(true);
    }

    @Override
    public int nextId() {
        return lastId.incrementAndGet();
    }

    @Override
    public void publish(BusEvent event) {
        telemetry.published();
        telemetry.received();
        listener.heard(event);
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public void close() {}
}
