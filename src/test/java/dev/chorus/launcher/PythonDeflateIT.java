package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import dev.chorus.testing.Launched;
import dev.chorus.testing.Peer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * permessage-deflate with a client Chorus did not write: Python's {@code websockets} (Debian's, installed by the
 * build when missing), which offers the extension by default. It negotiates it, its compressed text and binary
 * messages come back intact, and a tutorial client without deflate in the same room hears the same line.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonDeflateIT {

    @RegisterExtension
    static final Launched COMPRESSING = new Launched(Map.of(Setting.COMPRESSION, "true"));

    private static final String LONG = "compress me, compress me well; ".repeat(30);

    @Test
    void pythonWebsocketsNegotiatesDeflateAndItsMessagesReachEveryoneIntact() throws Exception {
        try (Peer plain = Peer.join(COMPRESSING.uri())) {
            List<String> out = python(COMPRESSING.uri().toString(), LONG);
            assertEquals(3, out.size(), out::toString);
            assertTrue(out.get(0).startsWith("extensions: permessage-deflate"), out::toString);
            assertTrue(out.get(0).contains("server_no_context_takeover"), out::toString);
            assertTrue(out.get(1).matches("text: Client\\(\\d+\\) said: \\Q" + LONG + "\\E"), out::toString);
            assertEquals("binary: same", out.get(2), out::toString);
            plain.expect(Peer.GREETING); // the Python client's join
            plain.expect(out.get(1).substring("text: ".length()));
        }
    }

    /** Runs the Python client and returns what it printed, once it has exited with 0. */
    private static List<String> python(String uri, String text) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", "src/test/python/deflate_client.py", uri, text)
                .redirectErrorStream(true)
                .start();
        try {
            boolean exited = process.waitFor(30, TimeUnit.SECONDS);
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(exited, () -> "the Python client did not finish: " + printed);
            assertEquals(0, process.exitValue(), printed);
            return printed.lines().toList();
        } finally {
            process.destroyForcibly();
        }
    }
}
