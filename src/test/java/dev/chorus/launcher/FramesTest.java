package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chorus.broadcast.Outgoing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frames a broadcast is written as, byte for byte as RFC 6455 §5.2 lays them out, at each length form's edges. */
class FramesTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 1 << 20})
    void aBinaryFrameIsFinOpcodeLengthAndThePayloadUnmasked(int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 0x5A);

        ByteBuffer frame = Frames.of(Outgoing.binary(ByteBuffer.wrap(payload))).get();

        assertEquals(0x82, frame.get() & 0xFF, "FIN and the binary opcode");
        assertEquals(length, payloadLength(frame), "the length, in its shortest form");
        assertEquals(ByteBuffer.wrap(payload), frame, "the payload follows, unmasked");
    }

    @ParameterizedTest
    @ValueSource(ints = {125, 126, 65_536})
    void theLengthIsTakenInItsShortestForm(int length) {
        ByteBuffer frame =
                Frames.of(Outgoing.binary(ByteBuffer.allocate(length))).get();

        int expectedHeader = length <= 125 ? 2 : length <= 65_535 ? 4 : 10;
        assertEquals(expectedHeader + length, frame.remaining());
    }

    @Test
    void aCloseFrameCarriesTheCodeThenTheReasonInUtf8() {
        ByteBuffer frame = Frames.close(dev.chorus.protocol.CloseReasons.TOO_BIG);
        byte[] reason = "message too big".getBytes(StandardCharsets.UTF_8);
        assertEquals(0x88, frame.get() & 0xFF);
        assertEquals(2 + reason.length, frame.get());
        assertEquals(1009, frame.getShort());
        byte[] rest = new byte[frame.remaining()];
        frame.get(rest);
        assertEquals("message too big", new String(rest, StandardCharsets.UTF_8));
    }

    @Test
    void aTextFrameCarriesTheUtf8BytesAndItsLengthCountsBytesNotChars() {
        String text = "Client(1) said: żółw 🐢";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

        ByteBuffer frame = Frames.of(Outgoing.text(text)).get();

        assertEquals(0x81, frame.get() & 0xFF, "FIN and the text opcode");
        assertEquals(utf8.length, payloadLength(frame));
        assertEquals(ByteBuffer.wrap(utf8), frame);
    }

    @Test
    void everyRecipientReadsItsOwnViewOfTheSameBytes() {
        Outgoing message = Outgoing.text("Hey all, a new client has joined us");

        ByteBuffer first = Frames.of(message).get();
        first.position(first.limit());

        assertEquals(
                2 + message.size(), Frames.of(message).get().remaining(), "one reader's progress is not another's");
    }

    @Test
    void aBacklogIsItsFramesBackToBackAndCopyingThemMovesNoReader() {
        Outgoing text = Outgoing.text("Client(2) said: one");
        Outgoing binary = Outgoing.binary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        ByteBuffer joined =
                ByteBuffer.allocate(Frames.of(text).size() + Frames.of(binary).size());

        Frames.of(text).copyTo(joined);
        Frames.of(binary).copyTo(joined);

        ByteBuffer expected = ByteBuffer.allocate(joined.capacity())
                .put(Frames.of(text).get())
                .put(Frames.of(binary).get());
        assertEquals(expected.flip(), joined.flip(), "each frame whole, in order");
        assertEquals(Frames.of(text).get().remaining(), Frames.of(text).size());
        Frames.of(text).copyTo(ByteBuffer.allocate(Frames.of(text).size()));
        assertEquals(2 + text.size(), Frames.of(text).get().remaining(), "the shared frame is left as it was");
    }

    @Test
    void aMessageIsFramedOnceHoweverManyRecipientsAsk() {
        Outgoing message = Outgoing.text("Client(1) said: once");

        assertSame(Frames.of(message), Frames.of(message), "the second recipient gets the first one's frame");
    }

    private static long payloadLength(ByteBuffer frame) {
        int first = frame.get() & 0xFF;
        assertEquals(0, first & 0x80, "a server's frame is not masked");
        return switch (first) {
            case 126 -> frame.getShort() & 0xFFFF;
            case 127 -> frame.getLong();
            default -> first;
        };
    }
}
