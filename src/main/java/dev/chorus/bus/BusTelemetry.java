package dev.chorus.bus;

/** Counts what crosses the bus, e.g. for metrics. Called on hot paths: cheap, never blocking, never throwing. */
public interface BusTelemetry {

    /** Counts nothing. */
    BusTelemetry NONE = new BusTelemetry() {};

    /** This node put one event on the bus. */
    default void published() {}

    /** This node took one event off the bus. */
    default void received() {}

    /** An event reached this node {@code millis} after Redis took it in (Redis's clock against ours). */
    default void lag(long millis) {}

    /** The bus came back after an outage. */
    default void reconnected() {}
}
