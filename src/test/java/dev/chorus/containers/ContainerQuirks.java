package dev.chorus.containers;

import dev.chorus.testing.Peer;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Checks for container behaviour Chorus cannot change from inside a WAR, pinned so a change is noticed. */
final class ContainerQuirks {

    private ContainerQuirks() {}

    /**
     * The container does not answer {@code garbage} within the tests' wait (it waits for more bytes under its
     * own timeouts); what Chorus can check is that meanwhile everybody else is served: a client connects and
     * chats while that connection is held.
     */
    static void othersAreServedWhileAConnectionHoldsGarbage(URI chat, String garbage) throws Exception {
        try (Socket held = new Socket(chat.getHost(), chat.getPort())) {
            held.getOutputStream().write(garbage.getBytes(StandardCharsets.ISO_8859_1));
            held.getOutputStream().flush();
            try (Peer other = Peer.join(chat)) {
                other.sayAndLearnId("served while a connection holds garbage");
            }
        }
    }
}
