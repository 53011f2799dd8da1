package dev.chorus.lifecycle;

import java.util.Optional;

/**
 * Whether new clients may join: not in maintenance (an operator's switch), not while the server drains
 * for shutdown, and not while the node is cut off from the others (Redis down). Existing clients are never affected. The handshake guards ask before every upgrade; the
 * readiness check asks too.
 */
public final class Admission {

    /** Why a new client is turned away (before the upgrade, with 503 and {@code Retry-After}). */
    public enum Refusal {
        MAINTENANCE("maintenance"),
        DRAINING("draining"),
        /** This node cannot reach the other nodes (Redis is down): a newcomer would chat with this node alone. */
        BUS_DOWN("bus-down");

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
    private volatile boolean busDown;

    /** Why a new client would be refused right now, or empty if it may join. */
    public Optional<Refusal> refusal() {
        if (draining) {
            return Optional.of(Refusal.DRAINING);
        }
        if (maintenance) {
            return Optional.of(Refusal.MAINTENANCE);
        }
        return busDown ? Optional.of(Refusal.BUS_DOWN) : Optional.empty();
    }

    /** Whether the bus to the other nodes is down; it heals by itself, so this follows it both ways. */
    public void busDown(boolean down) {
        busDown = down;
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
