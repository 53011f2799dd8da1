package dev.chorus.bus;

/** Counts what crosses the bus, e.g. for metrics. Called on hot paths: cheap, never blocking, never throwing. */
public interface BusTelemetry {

    /** Counts nothing. */
    BusTelemetry NONE = new BusTelemetry() {};

    /** This node put one event on the bus. */
    default void published() {}

    /** This node took one event off the bus, {@code lagMillis} after the bus took it in (0 in-process). */
    default void received(long lagMillis) {}

    /** The bus came back after an outage. */
    default void reconnected() {}
}
