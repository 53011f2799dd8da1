package dev.chorus.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chorus.testing.JarProcess;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS 1.1 is refused by the launcher itself, not only by the JDK's defaults: the launcher runs in a JVM whose
 * security properties allow TLS 1.0 and 1.1 again, and a hand-built TLS 1.1 ClientHello still gets no
 * ServerHello, while the same hello for TLS 1.2 does.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsVersionsIT {

    private static final Pattern LISTENING = Pattern.compile("Chorus listening on wss://[^:/]+:(\\d+)/");

    /**
     * The JDK's list without TLSv1 and TLSv1.1; with TLSv1.3, so that a handshake settling on TLS 1.2 shows the
     * launcher's JVM really read this file.
     */
    private static final String SECURITY = "jdk.tls.disabledAlgorithms=TLSv1.3, SSLv3, DTLSv1.0, RC4, DES,"
            + " MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH\n";

    @TempDir
    Path directory;

    @Test
    void tls11IsRefusedEvenWhereTheJvmWouldSpeakIt() throws Exception {
        TestCertificates identity = TestCertificates.create(directory, "server");
        Path security = Files.writeString(directory.resolve("tls11-allowed.security"), SECURITY);
        try (JarProcess launcher = JarProcess.start(
                List.of("-Djava.security.properties=" + security),
                Map.of(),
                "--port",
                "0",
                "--keystore",
                identity.keystore().toString(),
                "--keystore-password",
                TestCertificates.PASSWORD)) {
            int port = Integer.parseInt(launcher.awaitLog(LISTENING).group(1));
            assertEquals("TLSv1.2", negotiated(identity, port), "the launcher's JVM read " + security);
            assertEquals(HandBuiltHello.Answer.SERVER_HELLO, HandBuiltHello.send(port, 3), "TLS 1.2 hello");
            // Grizzly closes without sending the JDK's protocol_version alert; either is a refusal.
            assertNotEquals(HandBuiltHello.Answer.SERVER_HELLO, HandBuiltHello.send(port, 2), "TLS 1.1 hello");
        }
    }

    /** The protocol a JDK client offering TLS 1.3 and 1.2 ends up with. */
    private static String negotiated(TestCertificates identity, int port) throws Exception {
        try (SSLSocket socket =
                (SSLSocket) identity.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Peer.WAIT.toMillis());
            socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
