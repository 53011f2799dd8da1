package dev.chorus.contract;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.protocol.CloseReasons;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chorus's own limits and message reassembly, with the default settings (64 KiB messages, 1024 fragments,
 * 50 messages/s with bursts of 100), written once and run against every deployment.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public interface LimitsContract {

    int MAX_MESSAGE_BYTES = 65_536;

    /** How many messages the flooder sends. */
    int FLOOD = 1000;

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/} or {@code ws://127.0.0.1:PORT/chorus/}. */
    URI chatUri();

    @Test
    default void aTextOverTheSizeLimitClosesWith1009AndReachesNobody() throws Exception {
        try (Peer watcher = Peer.join(chatUri());
                Peer sender = Peer.join(chatUri())) {
            watcher.expect(GREETING);
            Peer.racingTheClose(() -> sender.say("é".repeat(MAX_MESSAGE_BYTES / 2) + "x"));
            assertClosed(sender, 1009, "message too big");
            assertNothingElseReached(watcher);
        }
    }

    @Test
    default void aBinaryOverTheSizeLimitClosesWith1009AndReachesNobody() throws Exception {
        try (Peer watcher = Peer.join(chatUri());
                Peer sender = Peer.join(chatUri())) {
            watcher.expect(GREETING);
            Peer.racingTheClose(() -> sender.send(ByteBuffer.allocate(MAX_MESSAGE_BYTES + 1)));
            assertClosed(sender, 1009, "message too big");
            assertNothingElseReached(watcher);
        }
    }

    /**
     * What this deployment answers a single 5 MiB frame with: Chorus's own 1009 on the launcher (which refuses it
     * from its header, before any of it is buffered) and on WildFly; a deployment whose container has a smaller
     * limit of its own overrides this to pin that.
     */
    default CloseReason aFiveMebibyteFrameCloses() {
        return CloseReasons.TOO_BIG;
    }

    @Test
    default void aSingleFrameFarOverTheSizeLimitIsRefused() throws Exception {
        try (Peer watcher = Peer.join(chatUri());
                RawSocket raw = RawSocket.upgrade(chatUri())) {
            watcher.expect(GREETING);
            assertEquals(GREETING, raw.readFrame().text()); // its own greeting
            Thread sending = raw.streamBinaryFrame(5L * 1024 * 1024);
            CloseReason reason = raw.readUntilClose();
            sending.join(Peer.WAIT.toMillis()); // the server closed: the rest of the frame fails to go out
            CloseReason expected = aFiveMebibyteFrameCloses();
            assertEquals(
                    expected.getCloseCode().getCode(), reason.getCloseCode().getCode(), reason::toString);
            assertEquals(expected.getReasonPhrase(), reason.getReasonPhrase());
            assertNothingElseReached(watcher);
        }
    }

    @Test
    default void twoHundredOneByteFragmentsAreBroadcastOnceAsOneMessage() throws Exception {
        try (Peer watcher = Peer.join(chatUri());
                RawSocket raw = RawSocket.upgrade(chatUri())) {
            watcher.expect(GREETING);
            for (int i = 0; i < 200; i++) {
                int opcode = i == 0 ? 0x1 : 0x0;
                raw.sendFrame((i == 199 ? 0x80 : 0) | opcode, new byte[] {(byte) ('a' + i % 26)});
            }
            String line = watcher.nextText();
            assertTrue(line.endsWith(" said: " + alphabet(200)), line);
        }
    }

    @Test
    default void aCodePointSplitAcrossFragmentsAndPingsBetweenFragmentsAreReassembled() throws Exception {
        try (Peer watcher = Peer.join(chatUri());
                RawSocket raw = RawSocket.upgrade(chatUri())) {
            watcher.expect(GREETING);
            byte[] text = "é😀!".getBytes(StandardCharsets.UTF_8);
            raw.sendFrame(0x01, new byte[] {text[0]});
            raw.sendPing("between".getBytes(StandardCharsets.US_ASCII));
            raw.sendFrame(0x00, java.util.Arrays.copyOfRange(text, 1, 3));
            raw.sendFrame(0x80, java.util.Arrays.copyOfRange(text, 3, text.length));
            String line = watcher.nextText();
            assertTrue(line.endsWith(" said: é😀!"), line);
        }
    }

    @Test
    default void tooManyFragmentsCloseWith1009() throws Exception {
        try (RawSocket raw = RawSocket.upgrade(chatUri())) {
            raw.sendFrame(0x01, new byte[] {'x'});
            for (int i = 0; i < 1100; i++) {
                raw.sendFrame(0x00, new byte[] {'x'});
            }
            CloseReason reason = raw.readUntilClose();
            assertEquals(1009, reason.getCloseCode().getCode());
            assertEquals("too many fragments", reason.getReasonPhrase());
        }
    }

    /**
     * 1000 messages in one write: ten times the burst of 100, so even a server that takes each one slowly (a
     * loaded container logging every line) sees them faster than the bucket refills. They go out at once so the
     * server has them before it acts on the first (see {@link RawSocket#sendTextsAtOnce}); a client library that
     * writes message by message races the close with its own writes and can turn the 1008 into a 1006.
     */
    @Test
    default void aClientThatFloodsIsClosedWith1008() throws Exception {
        try (Peer watcher = Peer.join(chatUri());
                RawSocket flooder = RawSocket.upgrade(chatUri())) {
            watcher.expect(GREETING);
            flooder.sendTextsAtOnce(java.util.stream.IntStream.range(0, FLOOD)
                    .mapToObj(i -> "flood " + i)
                    .toList());
            CloseReason reason = flooder.readUntilClose();
            assertEquals(1008, reason.getCloseCode().getCode(), reason::toString);
            assertEquals("rate limit exceeded", reason.getReasonPhrase());
            assertOnlyTheBurstReached(watcher);
        }
    }

    /**
     * The watcher heard the flood's first messages in order, at least the burst of 100 (more as the bucket
     * refilled while they came in), and nothing from the refused one on: the next thing is a later join.
     */
    private void assertOnlyTheBurstReached(Peer watcher) throws Exception {
        Peer late = Peer.join(chatUri());
        int heard = 0;
        for (String line = watcher.nextText(); !line.equals(GREETING); line = watcher.nextText()) {
            assertTrue(line.endsWith(" said: flood " + heard), line);
            heard++;
        }
        late.close();
        assertTrue(heard >= 100 && heard < FLOOD, "flood messages broadcast: " + heard);
    }

    /** A send the server answers by closing: the close may beat the send's own return, which is fine. */
    private static void assertClosed(Peer peer, int code, String reason) throws Exception {
        CloseReason closed = peer.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(code, closed.getCloseCode().getCode(), closed::toString);
        assertEquals(reason, closed.getReasonPhrase());
    }

    /** The refused message reached nobody: the next thing the watcher hears is a fresh join. */
    private void assertNothingElseReached(Peer watcher) throws Exception {
        Peer late = Peer.join(chatUri());
        watcher.expect(GREETING);
        late.close();
    }

    private static String alphabet(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }
}
