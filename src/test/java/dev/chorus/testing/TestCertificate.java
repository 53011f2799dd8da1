package dev.chorus.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's {@code keytool} in a directory of
 * the test's: the key pair in a PKCS12 key store for the server, the certificate as PEM for the client's
 * {@code --cacert}.
 *
 * @param keyStore the PKCS12 key store holding the key and its certificate
 * @param password the key store's (and the key's) password
 * @param pem the certificate alone, PEM encoded
 */
public record TestCertificate(Path keyStore, String password, Path pem) {

    private static final String ALIAS = "chorus-test";

    /** Generates a fresh key pair and certificate into {@code directory}. */
    public static TestCertificate create(Path directory) throws IOException, InterruptedException {
        TestCertificate certificate =
                new TestCertificate(directory.resolve("server.p12"), "changeit", directory.resolve("server.pem"));
        keytool(
                certificate,
                "-genkeypair",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keypass",
                certificate.password());
        keytool(certificate, "-exportcert", "-rfc", "-file", certificate.pem().toString());
        return certificate;
    }

    private static void keytool(TestCertificate certificate, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of(
                "-alias",
                ALIAS,
                "-keystore",
                certificate.keyStore().toString(),
                "-storepass",
                certificate.password(),
                "-noprompt"));
        Path log = Files.createTempFile(certificate.keyStore().getParent(), "keytool", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + args[0] + " failed: " + Files.readString(log));
        }
    }
}
