package dev.chorus.handshake;

import dev.chorus.settings.HandshakeSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connection caps, in all and per client address, as a tally: an upgrade the gate admits takes a
 * {@link Slot}, and gives it back exactly once, when its connection ends or its upgrade did not happen. Taking
 * checks and counts in one step, so upgrades that arrive together are let in one by one and the caps hold
 * exactly. Over a cap: 503, and come back in a few seconds.
 */
public final class ConnectionCaps {

    private final int maxConnections;
    private final int maxPerAddress;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int total;

    /** A new tally under the caps {@code settings} give: one per deployment, shared by all its listeners. */
    public static ConnectionCaps from(HandshakeSettings settings) {
        return new ConnectionCaps(settings.maxConnections(), settings.maxConnectionsPerAddress());
    }

    public ConnectionCaps(int maxConnections, int maxPerAddress) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /** What asking for a place gives: a {@link Slot}, or {@link Full} with the refusal. */
    public sealed interface Claim permits Slot, Full {}

    /** No place: why. */
    public record Full(Rejection why) implements Claim {}

    /** A place under the caps, held by one connection until it is {@link #release released}. */
    public final class Slot implements Claim {
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String address) {
            this.address = address;
        }

        /** The client address it counts against. */
        public String address() {
            return address;
        }

        /** Gives the place back; only the first call counts. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                giveBack(address);
            }
        }
    }

    /** A place for one more connection from {@code address} (as {@link RemoteHost} spells it), if there is one. */
    public synchronized Claim claim(String address) {
        if (total >= maxConnections) {
            return full("too many connections");
        }
        if (byAddress.getOrDefault(address, 0) >= maxPerAddress) {
            return full("too many connections from one address");
        }
        total++;
        byAddress.merge(address, 1, Integer::sum);
        return new Slot(address);
    }

    /** Open connections now, in all (for tests and gauges). */
    public synchronized int total() {
        return total;
    }

    /** Open connections from {@code address} now. */
    public synchronized int from(String address) {
        return byAddress.getOrDefault(address, 0);
    }

    /** Forgets an address whose last connection ended, so the map does not grow with every client ever seen. */
    private synchronized void giveBack(String address) {
        total--;
        byAddress.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
    }

    private static Full full(String reason) {
        return new Full(new Rejection(503, reason, Map.of("Retry-After", "5")));
    }
}
