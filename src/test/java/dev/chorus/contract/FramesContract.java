package dev.chorus.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * RFC 6455's framing rules, broken on purpose with a raw socket: each breach closes with its code, and nothing
 * of the broken message reaches anyone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public interface FramesContract {

    int FIN_TEXT = 0x81;

    /** The chat socket. */
    URI chatUri();

    @Test
    default void anUnmaskedClientFrameCloses1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(FIN_TEXT, bytes("unmasked"), false));
    }

    @Test
    default void rsvBitsWithoutAnExtensionClose1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(0xC1, bytes("rsv1")));
    }

    @Test
    default void aReservedOpcodeCloses1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(0x83, bytes("opcode 3")));
    }

    @Test
    default void aControlFrameOver125BytesCloses1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(0x89, new byte[126]));
    }

    @Test
    default void aFragmentedControlFrameCloses1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(0x09, bytes("ping part")));
    }

    @Test
    default void aContinuationWithoutAStartCloses1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(0x80, bytes("orphan")));
    }

    @Test
    default void aNewDataFrameInsideAFragmentedMessageCloses1002() throws Exception {
        assertCloses(1002, raw -> {
            raw.sendFrame(0x01, bytes("start"));
            raw.sendFrame(FIN_TEXT, bytes("interloper"));
        });
    }

    @Test
    default void aOneByteClosePayloadCloses1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(0x88, new byte[] {0x03}));
    }

    @Test
    default void anInvalidCloseCodeCloses1002() throws Exception {
        assertCloses(1002, raw -> raw.sendFrame(0x88, closePayload(999, "")));
    }

    @Test
    default void invalidUtf8InATextMessageCloses1007() throws Exception {
        assertCloses(1007, raw -> raw.sendFrame(FIN_TEXT, new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28}));
    }

    @Test
    default void invalidUtf8InACloseReasonCloses1007() throws Exception {
        byte[] payload = {0x03, (byte) 0xE8, (byte) 0xFF, (byte) 0xFE};
        assertCloses(1007, raw -> raw.sendFrame(0x88, payload));
    }

    @Test
    default void aCloseIsAnsweredWithACloseThenTheConnectionEnds() throws Exception {
        try (RawSocket raw = RawSocket.upgrade(chatUri())) {
            raw.sendFrame(0x88, closePayload(1000, "bye"));
            CloseReason answer = raw.readUntilClose();
            assertEquals(1000, answer.getCloseCode().getCode());
            assertTrue(raw.endsAfterClose(), "TCP ends after the close handshake");
        }
    }

    /**
     * The breach closes the raw client with {@code code}, and nothing of it reached a watcher: the next thing
     * the watcher hears after the close is a later join.
     */
    private void assertCloses(int code, Breach breach) throws Exception {
        try (Peer watcher = Peer.join(chatUri());
                RawSocket raw = RawSocket.upgrade(chatUri())) {
            watcher.expect(Peer.GREETING); // the raw client's join
            breach.commit(raw);
            CloseReason reason = raw.readUntilClose();
            assertEquals(code, reason.getCloseCode().getCode(), reason::toString);
            Peer late = Peer.join(chatUri());
            watcher.expect(Peer.GREETING);
            late.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] closePayload(int code, String reason) {
        byte[] text = bytes(reason);
        return ByteBuffer.allocate(2 + text.length)
                .putShort((short) code)
                .put(text)
                .array();
    }

    /** Something a raw client does wrong. */
    interface Breach {
        void commit(RawSocket raw) throws Exception;
    }
}
