package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.EchoServer;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss}: against a TLS echo server whose certificate for 127.0.0.1 is self-signed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTrustTest {

    @TempDir
    static Path directory;

    private static TestCertificates certificate;
    private static EchoServer server;

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificates.create(directory, "server");
        server = EchoServer.tls(certificate);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ClientOptions trusting(TlsTrust trust) {
        return ClientOptions.defaults().withHandshakeTimeout(Peer.WAIT).withTrust(trust);
    }

    @Test
    void aServerCertifiedByTheGivenCaIsTrusted() throws Exception {
        try (ChatClient client =
                ChatClient.connect(server.uri(), trusting(TlsTrust.caCertificates(certificate.cert())))) {
            client.send("over TLS");
            assertEquals("over TLS", client.receive(Peer.WAIT));
        }
    }

    @Test
    void withoutItsCaTheServersCertificateIsNotTrusted() {
        ConnectFailure failure = assertThrows(
                ConnectFailure.class, () -> ChatClient.connect(server.uri(), trusting(TlsTrust.systemDefault())));
        assertEquals(ConnectFailure.Kind.TLS, failure.kind());
        assertTrue(
                failure.getMessage().startsWith("TLS handshake with " + server.uri() + " failed: "),
                failure::getMessage);
    }

    @Test
    void insecureTrustsAnyCertificate() throws Exception {
        try (ChatClient client = ChatClient.connect(server.uri(), trusting(TlsTrust.insecure()))) {
            client.send("trusting anyone");
            assertEquals("trusting anyone", client.receive(Peer.WAIT));
        }
    }

    @Test
    void aFileWithoutACertificateIsRefusedBeforeConnecting() throws Exception {
        Path notACertificate = Files.writeString(directory.resolve("notes.txt"), "no certificate here\n");
        assertThrows(GeneralSecurityException.class, () -> TlsTrust.caCertificates(notACertificate));
    }
}
