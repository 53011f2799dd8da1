package dev.chorus.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.JarProcess;
import dev.chorus.testing.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every unusable TLS setting stops the real launcher with exit 2 and one line naming the setting and the
 * file — never a silent fall-back to plain text.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsStartupIT {

    @TempDir
    static Path directory;

    private static TestCertificates server;
    private static TestCertificates other;

    @BeforeAll
    static void makeIdentities() throws Exception {
        server = TestCertificates.create(directory, "server");
        other = TestCertificates.create(directory, "other");
    }

    @Test
    void aMissingKeystoreFileIsNamed() throws Exception {
        Path missing = directory.resolve("nowhere.p12");
        assertRefused(List.of("--keystore", missing.toString()), "--keystore", missing.toString());
    }

    @Test
    void aWrongKeystorePasswordIsNamed() throws Exception {
        assertRefused(
                List.of("--keystore", server.keystore().toString(), "--keystore-password", "wrong"),
                "--keystore-password",
                server.keystore().toString());
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsNamed() throws Exception {
        assertRefused(
                List.of("--cert", server.cert().toString(), "--key", other.key().toString()),
                "--key",
                other.key().toString());
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() throws Exception {
        assertRefused(List.of("--cert", server.cert().toString()), "--key", "go together");
    }

    @Test
    void aMissingPemKeyFileIsNamed() throws Exception {
        Path missing = directory.resolve("missing-key.pem");
        assertRefused(
                List.of("--cert", server.cert().toString(), "--key", missing.toString()), "--key", missing.toString());
    }

    private static void assertRefused(List<String> tlsArgs, String setting, String detail) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--port", "0"));
        args.addAll(tlsArgs);
        try (JarProcess launcher = JarProcess.start(args.toArray(String[]::new))) {
            assertEquals(2, launcher.awaitExit(), () -> "stderr: " + launcher.stderr());
            List<String> stderr = launcher.stderr();
            assertEquals(1, stderr.size(), () -> "one line expected: " + stderr);
            assertTrue(stderr.get(0).contains(setting), () -> "should name " + setting + ": " + stderr);
            assertTrue(stderr.get(0).contains(detail), () -> "should say " + detail + ": " + stderr);
            assertFalse(stderr.get(0).contains("Exception"), () -> "no exception: " + stderr);
            assertTrue(launcher.stdout().isEmpty(), () -> "nothing started: " + launcher.stdout());
        }
    }
}
