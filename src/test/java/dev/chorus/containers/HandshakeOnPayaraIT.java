package dev.chorus.containers;

import dev.chorus.contract.HandshakeContract;
import org.junit.jupiter.api.Test;

/**
 * The handshake contract on a managed Payara Server 6 (Tyrus inside). Payara's HTTP listener keeps a
 * connection that sent unparseable bytes open, waiting for more (its own timeouts apply, not Chorus's): the
 * two cases below pin that, and that it costs nobody else anything.
 */
class HandshakeOnPayaraIT extends DeployedWar implements HandshakeContract {

    @Test
    @Override
    public void garbageBytesGetAnErrorOrAClosedSocketNeverAHang() throws Exception {
        ContainerQuirks.othersAreServedWhileAConnectionHoldsGarbage(chatUri(), "\u0000\u0001garbage\r\n\r\n");
    }

    @Test
    @Override
    public void aTlsHelloOnThePlainPortGetsAnErrorOrAClosedSocket() throws Exception {
        ContainerQuirks.othersAreServedWhileAConnectionHoldsGarbage(
                chatUri(), "\u0016\u0003\u0001\u0000\u0005\u0001\u0000\u0000\u0001\u0000");
    }
}
