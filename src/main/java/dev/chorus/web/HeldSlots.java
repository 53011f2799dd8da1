package dev.chorus.web;

import dev.chorus.handshake.ConnectionCaps;
import dev.chorus.handshake.RemoteHost;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The WAR's places under the connection caps, from the upgrade to the end of the connection. A servlet filter
 * cannot see which WebSocket session its upgrade becomes, so a place is held by the client address it counts
 * against, and one is given back per connection from that address that ends: the room reports every session
 * that ends, member or not, and the filter every upgrade that did not happen. A place is held before the
 * container gets the request, so the connection it becomes can never end before it is held.
 */
final class HeldSlots {

    private static final System.Logger LOG = System.getLogger(HeldSlots.class.getName());
    /** Set on a session whose end was counted: a second report of the same end gives nothing back. */
    private static final String ENDED = HeldSlots.class.getName() + ".ended";

    private final Map<String, ArrayDeque<ConnectionCaps.Slot>> held = new HashMap<>();

    /** An admitted upgrade goes to the container: its place is held until its connection ends. */
    synchronized void hold(ConnectionCaps.Slot slot) {
        held.computeIfAbsent(slot.address(), address -> new ArrayDeque<>()).add(slot);
    }

    /** A WebSocket session ended (reported by the room): one place of its address goes back. */
    void ended(Session session) {
        if (session.getUserProperties().putIfAbsent(ENDED, Boolean.TRUE) != null) {
            return;
        }
        ContainerPeers.of(session)
                .map(HeldSlots::host)
                .ifPresentOrElse(
                        this::giveBackOne,
                        () -> LOG.log(Level.WARNING, "A session ended whose address is unknown: its cap place stays"));
    }

    /** A connection from {@code address} ended, or its upgrade did not happen: one of its places goes back. */
    void giveBackOne(String address) {
        ConnectionCaps.Slot slot;
        synchronized (this) {
            ArrayDeque<ConnectionCaps.Slot> slots = held.get(address);
            if (slots == null) {
                return;
            }
            slot = slots.poll();
            if (slots.isEmpty()) {
                held.remove(address);
            }
        }
        slot.release();
    }

    /** The IP, as the gate spelled the request's address ({@link RemoteHost}), never a looked-up name. */
    private static String host(InetSocketAddress address) {
        return RemoteHost.of(
                address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString());
    }
}
