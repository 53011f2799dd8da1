package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.FramesContract;
import dev.chorus.testing.RawSocket;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455's framing rules on a managed Payara Server 6. Payara's Tyrus accepts an unmasked client frame
 * (RFC 6455 5.1 says close), and a WAR cannot see frames to stop it: pinned here. The launcher closes 1002.
 */
class FramesOnPayaraIT extends DeployedWar implements FramesContract {

    @Test
    @Override
    public void anUnmaskedClientFrameCloses1002() throws Exception {
        try (RawSocket raw = RawSocket.upgrade(chatUri())) {
            raw.sendFrame(FIN_TEXT, "unmasked".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            RawSocket.Frame frame = raw.readFrame();
            while (frame.opcode() != 0x1 || !frame.text().contains(" said: ")) {
                frame = raw.readFrame();
            }
            assertTrue(frame.text().endsWith(" said: unmasked"), frame::text);
        }
    }
}
