package dev.chorus.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.JarProcess;
import dev.chorus.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertRefused(
                List.of("--cert", server.cert().toString()),
                "--key",
                server.cert().toString());
    }

    @Test
    void aKeyWithoutItsCertificateIsRefused() throws Exception {
        assertRefused(
                List.of("--key", server.key().toString()),
                "--cert",
                server.key().toString());
    }

    @Test
    void aKeyNotInPkcs8IsNamedWithTheConversionThatFixesIt() throws Exception {
        Path sec1 = server.sec1Key(directory.resolve("server-sec1.pem"));
        String line = assertRefused(
                List.of("--cert", server.cert().toString(), "--key", sec1.toString()), "--key", sec1.toString());
        assertTrue(
                line.endsWith("openssl pkcs8 -topk8 -nocrypt -in " + sec1 + " -out "
                        + directory.resolve("server-sec1.pkcs8.pem")),
                line);
    }

    @Test
    void aKeystoreThatIsNotPkcs12IsNamed() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.p12"), "not a keystore\n");
        assertRefused(
                List.of("--keystore", text.toString(), "--keystore-password", TestCertificates.PASSWORD),
                "--keystore",
                text + " is not a PKCS12 keystore");
    }

    @Test
    void aBadSettingFromTheEnvironmentIsNamedToo() throws Exception {
        Path missing = directory.resolve("from-the-environment.p12");
        try (JarProcess launcher =
                JarProcess.start(List.of(), Map.of("CHORUS_KEYSTORE", missing.toString()), "--port", "0")) {
            assertOneLine(launcher, "CHORUS_KEYSTORE", "no such file " + missing);
        }
    }

    @Test
    void aMissingPemKeyFileIsNamed() throws Exception {
        Path missing = directory.resolve("missing-key.pem");
        assertRefused(
                List.of("--cert", server.cert().toString(), "--key", missing.toString()), "--key", missing.toString());
    }

    /** Starts the launcher with {@code tlsArgs}; returns its one line, which must name {@code setting} and say {@code detail}. */
    private static String assertRefused(List<String> tlsArgs, String setting, String detail) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--port", "0"));
        args.addAll(tlsArgs);
        try (JarProcess launcher = JarProcess.start(args.toArray(String[]::new))) {
            return assertOneLine(launcher, setting, detail);
        }
    }

    private static String assertOneLine(JarProcess launcher, String setting, String detail) throws Exception {
        assertEquals(2, launcher.awaitExit(), () -> "stderr: " + launcher.stderr());
        List<String> stderr = launcher.stderr();
        assertEquals(1, stderr.size(), () -> "one line expected, no stack trace: " + stderr);
        String line = stderr.get(0);
        assertTrue(line.startsWith("chorus: invalid "), () -> "the launcher's own line: " + stderr);
        assertTrue(line.contains(setting), () -> "should name " + setting + ": " + stderr);
        assertTrue(line.contains(detail), () -> "should say " + detail + ": " + stderr);
        assertFalse(line.contains("Exception"), () -> "no exception: " + stderr);
        assertTrue(launcher.stdout().isEmpty(), () -> "nothing started: " + launcher.stdout());
        return line;
    }
}
