package dev.chorus.launcher;

import dev.chorus.settings.InvalidSettingException;
import dev.chorus.settings.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PEM certificate chain and PEM private key (PKCS#8), checked to belong together, as a key store. */
final class PemIdentity {

    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final byte[] PROBE = "chorus".getBytes(StandardCharsets.US_ASCII);

    private PemIdentity() {}

    static KeyStore load(Path certFile, Path keyFile, char[] password) {
        List<Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm());
        if (!belongTogether(key, chain.get(0))) {
            throw InvalidSettingException.because(
                    Setting.KEY, keyFile + " does not match the certificate in " + certFile);
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("chorus", key, password, chain.toArray(Certificate[]::new));
            return keys;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory PKCS12 key store failed", e);
        }
    }

    private static List<Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> chain =
                    List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (chain.isEmpty()) {
                throw InvalidSettingException.because(Setting.CERT, "no certificate in " + file);
            }
            return chain;
        } catch (NoSuchFileException e) {
            throw InvalidSettingException.because(Setting.CERT, "no such file " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw InvalidSettingException.because(Setting.CERT, file + " is not a PEM certificate: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file, String algorithm) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw InvalidSettingException.because(Setting.KEY, "no such file " + file);
        } catch (IOException e) {
            throw InvalidSettingException.because(Setting.KEY, "cannot read " + file + ": " + e.getMessage());
        }
        Matcher matcher = PKCS8.matcher(pem);
        if (!matcher.find()) {
            throw InvalidSettingException.because(
                    Setting.KEY,
                    file + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with: openssl pkcs8"
                            + " -topk8 -nocrypt -in " + file + " -out " + converted(file));
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw InvalidSettingException.because(Setting.KEY, file + " is not a " + algorithm + " key for --cert");
        }
    }

    /** Where the conversion suggested for {@code file} writes: beside it, {@code NAME.pkcs8.pem}. */
    private static Path converted(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - ".pem".length()) : name;
        return file.resolveSibling(base + ".pkcs8.pem");
    }

    /** Signs a probe with the key and verifies it with the certificate: only a matching pair passes. */
    private static boolean belongTogether(PrivateKey key, Certificate certificate) {
        String algorithm =
                switch (key.getAlgorithm()) {
                    case "RSA" -> "SHA256withRSA";
                    case "EC" -> "SHA256withECDSA";
                    default -> key.getAlgorithm();
                };
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
