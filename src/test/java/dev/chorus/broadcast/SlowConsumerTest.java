package dev.chorus.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.chat.Housekeeper;
import dev.chorus.connection.Audience;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Awaits;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.TestServers;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One client stops reading (a real socket with a tiny receive buffer that never reads) while another floods
 * the room: the others get everything, the stalled one is evicted with 1008 and its queue released. The
 * flooding sender is exempt from the rate limits here (--message-rate 0, --byte-rate 0).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowConsumerTest {

    private static final int MESSAGES = 600;
    private static final String BIG = "z".repeat(16 * 1024);
    private static final Pattern DISCONNECTED = Pattern.compile("Client\\(\\d+\\) disconnected");

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Test
    void aReaderThatStallsIsEvictedWhenItsOutboxOverflowsWhileTheOthersGetEverything() throws Exception {
        try (ChorusServer server = TestServers.start(
                Map.of(Setting.OUTBOX_BYTES, "262144", Setting.MESSAGE_RATE, "0", Setting.BYTE_RATE, "0"))) {
            floodPastAStalledReader(server, "its outbox overflowed");
        }
    }

    @Test
    void aReaderThatStallsIsEvictedWhenASendOutlivesTheWriteTimeout() throws Exception {
        Map<Setting, String> roomyOutbox = Map.of(
                Setting.OUTBOX_BYTES, "67108864",
                Setting.OUTBOX_MESSAGES, "100000",
                Setting.WRITE_TIMEOUT, "1s",
                Setting.MESSAGE_RATE, "0",
                Setting.BYTE_RATE, "0");
        try (ChorusServer server = TestServers.start(roomyOutbox)) {
            floodPastAStalledReader(server, "its send stalled past the write timeout");
        }
    }

    @Test
    void nothingIsLeftBehindAfterClosesDropsAndEvictions() throws Exception {
        try (ChorusServer server = TestServers.start(
                Map.of(Setting.OUTBOX_BYTES, "262144", Setting.MESSAGE_RATE, "0", Setting.BYTE_RATE, "0"))) {
            int sessions = 0;
            for (int i = 0; i < 20; i++, sessions++) {
                Peer.join(server.uri()).close();
            }
            for (int i = 0; i < 10; i++, sessions++) {
                RawSocket.upgrade(server.uri()).dropAbruptly();
            }
            sessions += 3; // the two readers and the stalled socket, whose eviction is logged as a disconnect too
            floodPastAStalledReader(server, "its outbox overflowed");
            log.awaitMatching(DISCONNECTED, sessions);
            Audience audience = server.room().audience();
            Awaits.until(() -> audience.size() == 0, () -> "sessions left in the set: " + audience.size());
            Awaits.until(() -> Outbox.open() == 0, () -> "outboxes not released: " + Outbox.open());
            assertEquals(1, housekeeperThreads(), "one timer thread for the room, none per session");
        }
    }

    /** Two readers, one stalled socket, one sender: returns once all is checked and both readers left. */
    private void floodPastAStalledReader(ChorusServer server, String why) throws Exception {
        List<Peer> peers = Peer.joinAll(server.uri(), 2);
        RawSocket stalled = RawSocket.upgrade(server.uri(), 4096);
        for (Peer peer : peers) {
            peer.expect(Peer.GREETING);
        }
        stalled.sendText("about to stall");
        String said = peers.get(0).nextText();
        peers.get(1).expect(said);
        String stalledName = said.substring(0, said.indexOf(" said: "));

        int sender = peers.get(0).sayAndLearnId("flood");
        peers.get(1).nextText();
        for (int i = 0; i < MESSAGES; i++) {
            peers.get(0).say(i + BIG);
        }
        for (Peer peer : peers) {
            for (int i = 0; i < MESSAGES; i++) {
                peer.expect("Client(" + sender + ") said: " + i + BIG);
            }
        }
        log.awaitMatching(Pattern.compile("^" + Pattern.quote(stalledName + " is a slow consumer, " + why)), 1);
        CloseReason reason = stalled.readUntilClose();
        assertEquals(1008, reason.getCloseCode().getCode());
        assertEquals("slow consumer", reason.getReasonPhrase());
        stalled.close();
        for (Peer peer : peers) {
            peer.close();
        }
    }

    private static long housekeeperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(Housekeeper.THREAD_NAME))
                .filter(Thread::isAlive)
                .count();
    }
}
