package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.contract.FramesContract;
import dev.chorus.testing.Launched;
import dev.chorus.testing.RawSocket;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 6455's framing rules on the launcher, and the reasons the launcher's own frame check gives. */
class LauncherFramesTest implements FramesContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Test
    void anUnmaskedFrameIsClosedWithItsReason() throws Exception {
        try (RawSocket raw = RawSocket.upgrade(chatUri())) {
            raw.sendFrame(FIN_TEXT, new byte[] {'x'}, false);
            assertClosedWith(1002, "unmasked frame", raw);
        }
    }

    /** RFC 6455 5.2: a 64-bit length's most significant bit must be 0. */
    @Test
    void aLengthWithItsTopBitSetIsClosedWith1002() throws Exception {
        try (RawSocket raw = RawSocket.upgrade(chatUri())) {
            raw.sendRaw(new byte[] {(byte) 0x82, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0});
            assertClosedWith(1002, "bad frame length", raw);
        }
    }

    private static void assertClosedWith(int code, String reason, RawSocket raw) throws Exception {
        CloseReason closed = raw.readUntilClose();
        assertEquals(code, closed.getCloseCode().getCode(), closed::toString);
        assertEquals(reason, closed.getReasonPhrase());
    }
}
