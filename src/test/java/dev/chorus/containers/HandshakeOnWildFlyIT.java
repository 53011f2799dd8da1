package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.HandshakeContract;
import dev.chorus.testing.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * The handshake contract on a managed WildFly (Undertow inside). Undertow accepts much larger header blocks
 * than Grizzly (so a 64 KiB header still upgrades), and holds a connection that sent a TLS hello on the plain
 * port open, waiting for more: both pinned here.
 */
class HandshakeOnWildFlyIT extends DeployedWar implements HandshakeContract {

    @Test
    @Override
    public void a64KibHeaderBlockGetsAnErrorOrAClosedSocket() throws Exception {
        String big = "X-Padding: " + "a".repeat(64 * 1024) + "\r\n";
        String head = RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + VERSION + big);
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
    }

    @Test
    @Override
    public void aTlsHelloOnThePlainPortGetsAnErrorOrAClosedSocket() throws Exception {
        ContainerQuirks.othersAreServedWhileAConnectionHoldsGarbage(
                chatUri(), "\u0016\u0003\u0001\u0000\u0005\u0001\u0000\u0000\u0001\u0000");
    }
}
