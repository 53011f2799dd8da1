package dev.chorus.bus;

import java.util.Locale;

/** Counts what crosses the bus, e.g. for metrics. Called on hot paths: cheap, never blocking, never throwing. */
public interface BusTelemetry {

    /** Counts nothing. */
    BusTelemetry NONE = new BusTelemetry() {};

    /** The two kinds of Redis failure, which the node treats differently. */
    enum ErrorKind {
        /** Redis did not answer (refused, reset, timed out): an outage until it answers again. */
        CONNECTION,
        /** Redis answered with an error (OOM under maxmemory, READONLY, a script error): it is up, but refused. */
        COMMAND;

        /** Its label in metrics and log lines. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** This node put one event on the bus. */
    default void published() {}

    /** This node took one event off the bus. */
    default void received() {}

    /** An event reached this node {@code millis} after Redis took it in (Redis's clock against ours). */
    default void lag(long millis) {}

    /** The bus came back after an outage. */
    default void reconnected() {}

    /** One Redis command failed (a pipeline of them counts once per command). */
    default void error(ErrorKind kind) {}

    /** The stream reader failed and starts again. */
    default void readerRestarted() {}

    /** The queue to the bus was full: an event was turned away (its sender closed, or delivered here only). */
    default void backlogFull() {}
}
