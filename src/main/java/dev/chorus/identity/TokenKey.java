package dev.chorus.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What signs the tokens clients present, from the {@code jwt-key} setting's value: either an HMAC secret, given
 * as the value itself (HS256; HS384 and HS512 too once it is long enough), or {@code file:} and the path of a PEM
 * public key, PEM certificate or JWKS file (RS256 for RSA keys, ES256 for EC P-256 keys). Only the algorithms that
 * match the configured keys are accepted, so an HMAC token is refused when public keys are configured (no
 * algorithm confusion), and unsigned ({@code alg: none}) tokens always are.
 */
public final class TokenKey {

    /** The prefix that makes the value a path rather than a secret. */
    public static final String FILE_PREFIX = "file:";

    /** The shortest HMAC secret, in bytes: HS256 needs a key as long as its hash (256 bits); nimbus refuses less. */
    public static final int MIN_SECRET_BYTES = 32;

    private final Set<JWSAlgorithm> algorithms;
    private final JWKSource<SecurityContext> keys;
    private final String summary;

    private TokenKey(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys, String summary) {
        this.algorithms = Set.copyOf(algorithms);
        this.keys = keys;
        this.summary = summary;
    }

    /**
     * Reads the setting's (non-empty) value.
     *
     * @throws IllegalArgumentException saying in one line why the value or its file is unusable (never echoing a
     *     secret)
     */
    public static TokenKey parse(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (trimmed.startsWith(FILE_PREFIX)) {
            return fromFile(Path.of(trimmed.substring(FILE_PREFIX.length())));
        }
        return fromSecret(trimmed.getBytes(StandardCharsets.UTF_8));
    }

    private static TokenKey fromSecret(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HMAC secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (256 bits) for HS256, 48 for HS384, 64 for HS512; this one has " + secret.length
                    + " (or give " + FILE_PREFIX + "PATH of a PEM public key or a JWKS file)");
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        algorithms.add(JWSAlgorithm.HS256);
        if (secret.length >= 48) {
            algorithms.add(JWSAlgorithm.HS384);
        }
        if (secret.length >= 64) {
            algorithms.add(JWSAlgorithm.HS512);
        }
        return new TokenKey(algorithms, new ImmutableSecret<>(secret), "an HMAC secret " + algorithms);
    }

    private static TokenKey fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        JWKSet keys = PublicKeys.read(text, file);
        Set<JWSAlgorithm> algorithms = PublicKeys.algorithms(keys);
        return new TokenKey(
                algorithms,
                new ImmutableJWKSet<>(keys),
                keys.size() + " public key(s) from " + file + " " + algorithms);
    }

    /** The signing algorithms a token may use. */
    Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /** The keys to check signatures with. */
    JWKSource<SecurityContext> keys() {
        return keys;
    }

    /** What kind of key this is and which algorithms it takes; never the secret. */
    @Override
    public String toString() {
        return summary;
    }
}
