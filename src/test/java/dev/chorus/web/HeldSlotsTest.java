package dev.chorus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.chorus.handshake.ConnectionCaps;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The WAR's tally: each place taken at the gate goes back exactly once, by the session's end or a failed upgrade. */
class HeldSlotsTest {

    private final ConnectionCaps caps = new ConnectionCaps(10, 10);
    private final HeldSlots held = new HeldSlots();

    @Test
    void aSessionsEndGivesBackOnePlaceOfItsAddressAndOnlyOnce() {
        held.hold(take("192.0.2.1"));
        held.hold(take("192.0.2.1"));
        Session session = session("192.0.2.1");

        held.ended(session);
        held.ended(session);

        assertEquals(1, caps.from("192.0.2.1"));
    }

    @Test
    void anUpgradeThatDidNotHappenGivesItsPlaceBackAndAnEndWithNothingHeldGivesNothing() {
        ConnectionCaps.Slot slot = take("192.0.2.2");
        held.hold(slot);

        held.giveBackOne(slot.address());
        held.ended(session("192.0.2.2"));

        assertEquals(0, caps.total());
    }

    @Test
    void anIpv6PeerIsCountedInTheSameSpellingAsTheGateUses() {
        held.hold(take("0:0:0:0:0:0:0:1"));

        held.ended(session("::1"));

        assertEquals(0, caps.total());
    }

    private ConnectionCaps.Slot take(String address) {
        return assertInstanceOf(ConnectionCaps.Slot.class, caps.claim(address));
    }

    /** A session that says only its user properties, with its peer where some servers put it. */
    private static Session session(String peer) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.websocket.endpoint.remoteAddress", new InetSocketAddress(peer, 40000));
        return (Session) Proxy.newProxyInstance(
                Session.class.getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getUserProperties")) {
                        return properties;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
