package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.settings.Setting;
import dev.chorus.testing.Handshake;
import dev.chorus.testing.RawSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-address connection cap in a container, with {@code chorus.max-connections-per-address} set to 2 as
 * a server system property (removed again after the class): the servlet filter counts the clients already
 * connected from the request's address, as the launcher does. Subclasses only name the container.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
abstract class DeployedWarCaps extends DeployedWar {

    @RegisterExtension
    static final ContainerSystemProperty TWO_PER_ADDRESS =
            new ContainerSystemProperty(Setting.MAX_CONNECTIONS_PER_ADDRESS.property(), "2");

    @Test
    void aThirdConnectionFromOneAddressGets503WithRetryAfterWhileTheTwoInsideAreServed() throws Exception {
        try (RawSocket first = RawSocket.upgrade(chatUri());
                RawSocket second = RawSocket.upgrade(chatUri())) {
            assertEquals(dev.chorus.testing.Peer.GREETING, first.readFrame().text());
            assertEquals(dev.chorus.testing.Peer.GREETING, second.readFrame().text());
            Handshake third = Handshake.attempt(chatUri());
            assertEquals(503, third.status(), third::head);
            assertEquals("5", third.header("Retry-After").orElse(""), third::head);
            second.sendText("still served");
            RawSocket.Frame heard = second.readFrame();
            while (heard.opcode() != 0x1 || !heard.text().endsWith(" said: still served")) {
                heard = second.readFrame();
            }
        }
    }
}
