package dev.chorus.admin;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.util.Optional;

/** How an operator disconnects every client. */
public enum Disconnect {
    /** A close handshake with {@code 1001 disconnected by operator}: "come back later". */
    GOING_AWAY("going-away", CloseReasons.OPERATOR_GOING_AWAY),
    /** A close handshake with {@code 1000 disconnected by operator}. */
    NORMAL("normal", CloseReasons.OPERATOR_NORMAL),
    /** The TCP connections are dropped without a close frame: clients see 1006. */
    ABRUPT("abrupt", null);

    private final String label;
    private final CloseReason reason;

    Disconnect(String label, CloseReason reason) {
        this.label = label;
        this.reason = reason;
    }

    public String label() {
        return label;
    }

    /** The close sent, or null for {@link #ABRUPT}. */
    CloseReason reason() {
        return reason;
    }

    /** The mode named {@code label} ({@code going-away}, {@code normal}, {@code abrupt}). */
    public static Optional<Disconnect> byLabel(String label) {
        for (Disconnect mode : values()) {
            if (mode.label.equals(label)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
