package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClosingHandshakeTest {

    @Test
    void ourCloseFrameIsAFinalMaskedCloseCarryingTheCodeAndTheReason() {
        ByteBuffer frame = ClosingHandshake.maskedCloseFrame(CloseReasons.CLIENT_DONE);
        assertEquals((byte) 0x88, frame.get(0), "FIN and opcode 8");
        assertEquals((byte) (0x80 | 5), frame.get(1), "masked, 2 bytes of code and 3 of reason");
        assertEquals(2 + 4 + 5, frame.remaining());
        byte[] payload = unmasked(frame);
        assertEquals(1000, ((payload[0] & 0xff) << 8) | (payload[1] & 0xff));
        assertEquals("bye", new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
    }

    @Test
    void aReasonIsSentAsUtf8AndAnEmptyOneAsTheCodeAlone() {
        byte[] payload = unmasked(ClosingHandshake.maskedCloseFrame(
                new CloseReason(CloseReason.CloseCodes.getCloseCode(4000), "fertig ✓")));
        assertEquals(4000, ((payload[0] & 0xff) << 8) | (payload[1] & 0xff));
        assertEquals("fertig ✓", new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
        assertEquals(
                2,
                unmasked(ClosingHandshake.maskedCloseFrame(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "")))
                        .length);
    }

    @Test
    void eachFrameHasAFreshMask() {
        ByteBuffer one = ClosingHandshake.maskedCloseFrame(CloseReasons.CLIENT_DONE);
        ByteBuffer other = ClosingHandshake.maskedCloseFrame(CloseReasons.CLIENT_DONE);
        assertNotEquals(one.getInt(2), other.getInt(2), "two equal 32-bit masks in a row: 1 in 4 billion");
    }

    private static byte[] unmasked(ByteBuffer frame) {
        int length = frame.get(1) & 0x7f;
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (frame.get(6 + i) ^ frame.get(2 + i % 4));
        }
        return payload;
    }
}
