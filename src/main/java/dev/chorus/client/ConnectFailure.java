package dev.chorus.client;

/** A connection that could not be opened, classified so the command line can give each kind its exit code. */
public final class ConnectFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the connection failed. */
    public enum Kind {
        /** Nothing answered: refused, unreachable, unknown host. */
        UNREACHABLE,
        /** The server answered the upgrade with an HTTP status instead of 101. */
        REJECTED,
        /** The handshake did not finish in time. */
        TIMEOUT,
        /** Anything else. */
        OTHER
    }

    private final Kind kind;

    ConnectFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
