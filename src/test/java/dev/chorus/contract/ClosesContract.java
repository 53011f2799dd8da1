package dev.chorus.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.ServerSockets;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A close the server starts ends the TCP connection within the close timeout (3 s by default), even when the
 * client stops reading after its 101: the server's socket is closed and its send queue let go, which only the
 * kernel can tell ({@link ServerSockets}, Linux). With the default settings: 64 KiB messages, a burst of 100
 * messages or 1 MiB, a 1 MiB outbox.
 */
public interface ClosesContract {

    /** A message as large as the defaults allow, so a burst of them overflows a non-reader's outbox. */
    String BIG = "z".repeat(60 * 1024);

    /** How many clients flood together, and how many messages each: 5.4 MB, 900 KB a sender. */
    int SENDERS = 6;

    int EACH = 15;

    URI chatUri();

    @Test
    default void slowConsumersThatNeverReadLoseTheirConnections() throws Exception {
        URI uri = chatUri();
        List<Peer> senders = Peer.joinAll(uri, SENDERS);
        try (RawSocket first = RawSocket.upgrade(uri, 4096);
                RawSocket second = RawSocket.upgrade(uri, 4096)) {
            // Several senders, each within its byte burst (1 MiB), together far past what a non-reader holds; one
            // message at a time (the first sender hears each back before the next goes), so the readers keep up
            // on every deployment and only the two that never read fall behind.
            Peer listener = senders.get(0);
            for (int i = 0; i < EACH; i++) {
                for (Peer sender : senders) {
                    sender.say(i + BIG);
                    String heard = listener.nextText();
                    while (heard.equals(Peer.GREETING)) { // the two non-readers' joins
                        heard = listener.nextText();
                    }
                    String said = heard;
                    assertTrue(
                            said.endsWith(" said: " + i + BIG), () -> said.substring(0, Math.min(40, said.length())));
                }
            }
            for (RawSocket stalled : List.of(first, second)) {
                ServerSockets.awaitLetGo(uri.getPort(), stalled.localPort());
            }
            assertTrue(first.drainsToTheEnd(), "the first slow consumer's connection is still open");
            assertTrue(second.drainsToTheEnd(), "the second slow consumer's connection is still open");
        } finally {
            for (Peer sender : senders) {
                sender.close();
            }
        }
    }
}
