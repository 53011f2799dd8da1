package dev.chorus.identity;

/**
 * A token that does not prove who the client is. The message is a fixed, short label for the log and the
 * client ({@code expired token}, {@code invalid token}, …): never the token, never a claim's value.
 */
public final class TokenRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    TokenRefusedException(String label) {
        super(label, null, false, false);
    }
}
