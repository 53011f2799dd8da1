package dev.chorus.lifecycle;

import java.util.Optional;

/**
 * Whether new clients may join: not in maintenance (an operator's switch) and not while the server drains
 * for shutdown. Existing clients are never affected. The handshake guards ask before every upgrade; the
 * readiness check asks too.
 */
public final class Admission {

    /** Why a new client is turned away (before the upgrade, with 503 and {@code Retry-After}). */
    public enum Refusal {
        MAINTENANCE("maintenance"),
        DRAINING("draining");

        private final String label;

        Refusal(String label) {
            this.label = label;
        }

        /** A short lowercase word for metrics tags, JSON and log lines. */
        public String label() {
            return label;
        }
    }

    private volatile boolean maintenance;
    private volatile boolean draining;

    /** Why a new client would be refused right now, or empty if it may join. */
    public Optional<Refusal> refusal() {
        if (draining) {
            return Optional.of(Refusal.DRAINING);
        }
        return maintenance ? Optional.of(Refusal.MAINTENANCE) : Optional.empty();
    }

    /** Turns maintenance mode on or off; returns whether it changed. */
    public boolean maintenance(boolean on) {
        boolean was = maintenance;
        maintenance = on;
        return was != on;
    }

    public boolean inMaintenance() {
        return maintenance;
    }

    /** From now on new clients are refused: the server is shutting down. There is no way back. */
    public void startDraining() {
        draining = true;
    }
}
