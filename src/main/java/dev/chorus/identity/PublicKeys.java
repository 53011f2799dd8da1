package dev.chorus.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys in a {@code jwt-key} file: a JWKS ({@code {"keys": [...]}}) or one JWK, or PEM blocks
 * ({@code PUBLIC KEY} or {@code CERTIFICATE}). Only RSA keys of 2048 bits or more (RS256) and EC keys on P-256
 * (ES256) are taken; anything else fails startup rather than being ignored.
 */
final class PublicKeys {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final int MIN_RSA_BITS = 2048;

    private PublicKeys() {}

    static JWKSet read(String text, Path file) {
        List<JWK> keys = new ArrayList<>();
        try {
            if (text.strip().startsWith("{")) {
                JWKSet set = text.contains("\"keys\"") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text));
                for (JWK key : set.getKeys()) {
                    keys.add(checked(key, file).toPublicJWK());
                }
            } else {
                Matcher block = PEM.matcher(text);
                while (block.find()) {
                    keys.add(checked(pem(block.group(1), block.group(2), file), file));
                }
            }
        } catch (java.text.ParseException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is neither a JWKS nor a PEM public key or certificate ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    file + " holds no public key (expected a JWKS, or PEM PUBLIC KEY or" + " CERTIFICATE blocks)");
        }
        return new JWKSet(keys);
    }

    /** RS256 if any key is RSA, ES256 if any is EC. */
    static Set<JWSAlgorithm> algorithms(JWKSet keys) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (JWK key : keys.getKeys()) {
            algorithms.add(key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256);
        }
        return algorithms;
    }

    private static JWK pem(String type, String base64, Path file) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(base64);
        PublicKey key;
        if (type.equals("PUBLIC KEY")) {
            key = spki(der);
        } else if (type.equals("CERTIFICATE")) {
            key = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } else {
            throw new IllegalArgumentException(file + " holds a PEM " + type + " block; give the public key"
                    + " (openssl pkey -pubout) or a certificate, never a private key");
        }
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            return new ECKey.Builder(curve == null ? new Curve("unknown") : curve, ec).build();
        }
        throw new IllegalArgumentException(file + " holds a " + key.getAlgorithm() + " key");
    }

    private static PublicKey spki(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static JWK checked(JWK key, Path file) {
        if (key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
            return key;
        }
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return key;
        }
        String what = key instanceof RSAKey rsa
                ? "an RSA key of " + rsa.size() + " bits (at least " + MIN_RSA_BITS + " for RS256)"
                : key instanceof ECKey ec
                        ? "an EC key on " + ec.getCurve() + " (ES256 needs P-256)"
                        : "a key of type " + key.getKeyType() + " (secrets go in the setting itself)";
        throw new IllegalArgumentException(file + " holds " + what);
    }
}
