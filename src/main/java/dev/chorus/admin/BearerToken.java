package dev.chorus.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The admin token and the check of a request's {@code Authorization: Bearer …} header against it. Both sides
 * are hashed before a constant-time comparison, so neither the content nor the length of the token leaks
 * through timing. Never printed.
 */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    /** How a request's credentials compare with the token. */
    enum Verdict {
        ACCEPTED,
        /** No bearer token at all: 401. */
        MISSING,
        /** A token, but not this one: 403. */
        WRONG
    }

    private final byte[] expected;

    BearerToken(String token) {
        this.expected = sha256(token);
    }

    Verdict check(Optional<String> authorization) {
        if (authorization.isEmpty()
                || !authorization.get().regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || authorization.get().length() == SCHEME.length()) {
            return Verdict.MISSING;
        }
        byte[] given = sha256(authorization.get().substring(SCHEME.length()).trim());
        return MessageDigest.isEqual(expected, given) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[(not shown)]";
    }
}
