package dev.chorus.v1;

import jakarta.websocket.CloseReason;

/**
 * A chorus.v1 client broke the protocol (a text that is not a command, an unknown command, a bad
 * {@code ?since=}): it is closed with {@link #closeReason()}. The message is a short fixed description for
 * the log line, never parser output.
 */
public final class ProtocolViolation extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CloseReason closeReason;

    ProtocolViolation(CloseReason closeReason, String what) {
        super(what, null, false, false);
        this.closeReason = closeReason;
    }

    /** The close code and fixed reason the client is closed with. */
    public CloseReason closeReason() {
        return closeReason;
    }
}
