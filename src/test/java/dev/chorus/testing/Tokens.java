package dev.chorus.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

/** Signed test tokens and the keys that sign them (made fresh per use; nothing here is a real credential). */
public final class Tokens {

    /** A 32-byte HMAC secret: the shortest HS256 takes. */
    public static final String SECRET = "test-secret-of-exactly-32-bytes!";

    private Tokens() {}

    /** Claims for {@code subject} that expire in five minutes. */
    public static JWTClaimsSet.Builder claims(String subject) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** {@code claims} signed with {@code signer} under {@code algorithm}. */
    public static String signed(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet.Builder claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code claims} as an HS256 token under {@code secret}. */
    public static String hs256(String secret, JWTClaimsSet.Builder claims) {
        try {
            return signed(JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid HS256 token under {@link #SECRET} for {@code subject}, adjusted by {@code adjust}. */
    public static String hs256(String subject, UnaryOperator<JWTClaimsSet.Builder> adjust) {
        return hs256(SECRET, adjust.apply(claims(subject)));
    }

    /** A fresh EC P-256 key pair. */
    public static ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh 2048-bit RSA key pair. */
    public static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code claims} as an ES256 token under {@code key}. */
    public static String es256(ECKey key, JWTClaimsSet.Builder claims) {
        try {
            return signed(JWSAlgorithm.ES256, new ECDSASigner(key), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code claims} as an RS256 token under {@code key}. */
    public static String rs256(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            return signed(JWSAlgorithm.RS256, new RSASSASigner(key), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code key} as a PEM {@code PUBLIC KEY} block. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
