package dev.chorus.testing;

import dev.chorus.settings.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed identity for {@code localhost} / {@code 127.0.0.1}, made by the JDK's keytool in a directory
 * of the test's: as a PKCS12 keystore, as a PEM certificate and PEM (PKCS#8) key, and as a client trust.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private final Path keystore;
    private final Path cert;
    private final Path key;
    private final KeyStore keys;

    private TestCertificates(Path keystore, Path cert, Path key, KeyStore keys) {
        this.keystore = keystore;
        this.cert = cert;
        this.key = key;
        this.keys = keys;
    }

    /** Makes a fresh identity named {@code name} under {@code directory}. */
    public static TestCertificates create(Path directory, String name) throws IOException, GeneralSecurityException {
        Path keystore = directory.resolve(name + ".p12");
        keytool(keystore);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Path cert = directory.resolve(name + "-cert.pem");
        Path key = directory.resolve(name + "-key.pem");
        Files.writeString(cert, pem("CERTIFICATE", keys.getCertificate("chorus").getEncoded()));
        Files.writeString(
                key,
                pem("PRIVATE KEY", keys.getKey("chorus", PASSWORD.toCharArray()).getEncoded()));
        return new TestCertificates(keystore, cert, key, keys);
    }

    private static void keytool(Path keystore) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "chorus",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "7",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The launcher's settings for serving TLS with {@link #keystore()}. */
    public Map<Setting, String> keystoreSettings() {
        return Map.of(Setting.KEYSTORE, keystore().toString(), Setting.KEYSTORE_PASSWORD, PASSWORD);
    }

    /** The launcher's settings for serving TLS with the PEM pair {@link #cert()} and {@link #key()}. */
    public Map<Setting, String> pemSettings() {
        return Map.of(Setting.CERT, cert().toString(), Setting.KEY, key().toString());
    }

    public Path keystore() {
        return keystore;
    }

    public Path cert() {
        return cert;
    }

    public Path key() {
        return key;
    }

    /**
     * Writes the same key in the traditional OpenSSL form ({@code BEGIN EC PRIVATE KEY}, SEC1) that older tools
     * and {@code openssl ecparam -genkey} produce: the ECPrivateKey that the PKCS#8 wrapping carries.
     */
    public Path sec1Key(Path file) throws IOException, GeneralSecurityException {
        byte[] pkcs8 = keys.getKey("chorus", PASSWORD.toCharArray()).getEncoded();
        Der outer = Der.at(pkcs8, 0); // PrivateKeyInfo ::= SEQUENCE { version, algorithm, privateKey OCTET STRING }
        Der version = Der.at(pkcs8, outer.contentStart());
        Der algorithm = Der.at(pkcs8, version.end());
        Der privateKey = Der.at(pkcs8, algorithm.end());
        byte[] sec1 = java.util.Arrays.copyOfRange(pkcs8, privateKey.contentStart(), privateKey.end());
        Files.writeString(file, pem("EC PRIVATE KEY", sec1));
        return file;
    }

    /** One DER element's bounds: where its content starts and where it ends. */
    private record Der(int contentStart, int end) {
        static Der at(byte[] der, int offset) {
            int first = der[offset + 1] & 0xFF;
            if (first < 0x80) {
                return new Der(offset + 2, offset + 2 + first);
            }
            int length = 0;
            for (int i = 0; i < (first & 0x7F); i++) {
                length = (length << 8) | (der[offset + 2 + i] & 0xFF);
            }
            int start = offset + 2 + (first & 0x7F);
            return new Der(start, start + length);
        }
    }

    /**
     * The base64 SHA-256 of the certificate's public key (its SubjectPublicKeyInfo): what Chromium's
     * {@code --ignore-certificate-errors-spki-list} takes to trust exactly this certificate.
     */
    public String spkiSha256() throws GeneralSecurityException {
        byte[] spki = keys.getCertificate("chorus").getPublicKey().getEncoded();
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    }

    /** A client-side context that trusts exactly this certificate. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Certificate certificate = keys.getCertificate("chorus");
        trust.setCertificateEntry("chorus", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Writes the certificate as a trusted-certificate PKCS12 store (for tools that take a trust store). */
    public Path trustStore(Path file) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("chorus", keys.getCertificate("chorus"));
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
