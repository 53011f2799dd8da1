package dev.chorus.protocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;

/**
 * Every close Chorus sends, with its code and a short fixed reason. Reasons are constants (RFC 6455 allows
 * at most 123 bytes) and never carry an exception message.
 */
public final class CloseReasons {

    /** The server is stopping (shutdown signal, undeploy). */
    public static final CloseReason SHUTTING_DOWN = new CloseReason(CloseCodes.GOING_AWAY, "server shutting down");

    /** Something unexpected failed on the server; the details are in the server log, not here. */
    public static final CloseReason INTERNAL_ERROR =
            new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "internal server error");

    /** The peer did not read fast enough: its outbox overflowed or a send stalled. */
    public static final CloseReason SLOW_CONSUMER = new CloseReason(CloseCodes.VIOLATED_POLICY, "slow consumer");

    /** The client did not answer a heartbeat ping in time: it is presumed gone. */
    public static final CloseReason PONG_TIMEOUT = new CloseReason(CloseCodes.GOING_AWAY, "pong timeout");

    /** Launcher: a client frame without a mask (RFC 6455 5.1; Tyrus itself would accept it). */
    public static final CloseReason UNMASKED_FRAME = new CloseReason(CloseCodes.PROTOCOL_ERROR, "unmasked frame");

    /** Launcher: a 64-bit frame length with its most significant bit set (RFC 6455 5.2 says it must be 0). */
    public static final CloseReason BAD_FRAME_LENGTH = new CloseReason(CloseCodes.PROTOCOL_ERROR, "bad frame length");

    /** A client message was larger than the configured maximum. */
    public static final CloseReason TOO_BIG = new CloseReason(CloseCodes.TOO_BIG, "message too big");

    /** A client message came in more fragments than allowed. */
    public static final CloseReason TOO_MANY_FRAGMENTS = new CloseReason(CloseCodes.TOO_BIG, "too many fragments");

    /** A permessage-deflate message whose bytes are not DEFLATE data (RFC 7692 §8: fail the connection). */
    public static final CloseReason BAD_COMPRESSED_DATA =
            new CloseReason(CloseCodes.NOT_CONSISTENT, "invalid compressed data");

    /** A client sent messages faster than its rate limit allows. */
    public static final CloseReason RATE_LIMITED = new CloseReason(CloseCodes.VIOLATED_POLICY, "rate limit exceeded");

    /** A client sent more bytes than its byte rate limit allows (counted as fragments arrive). */
    public static final CloseReason BYTE_RATE_LIMITED =
            new CloseReason(CloseCodes.VIOLATED_POLICY, "byte rate limit exceeded");

    /** An operator disconnected every client (admin endpoint or {@code Controls}), the server stays up. */
    public static final CloseReason OPERATOR_GOING_AWAY =
            new CloseReason(CloseCodes.GOING_AWAY, "disconnected by operator");

    /** Like {@link #OPERATOR_GOING_AWAY}, for an operator who asked for a normal closure. */
    public static final CloseReason OPERATOR_NORMAL =
            new CloseReason(CloseCodes.NORMAL_CLOSURE, "disconnected by operator");

    /** A chorus.v1 client sent text that is not a command: not a JSON object with a string "type", or bad fields. */
    public static final CloseReason INVALID_COMMAND =
            new CloseReason(CloseCodes.NOT_CONSISTENT, "invalid chorus.v1 command");

    /**
     * A chorus.v1 client said text that UTF-8 cannot carry: a lone surrogate (U+D800 to U+DFFF unpaired), which a
     * JSON escape can spell. Refused before it is broadcast or kept: a container's encoder can fail on it with an
     * Error.
     */
    public static final CloseReason UNENCODABLE_TEXT =
            new CloseReason(CloseCodes.NOT_CONSISTENT, "invalid text: lone surrogate");

    /** A chorus.v1 client sent a well-formed command of a type the server does not know. */
    public static final CloseReason UNKNOWN_COMMAND =
            new CloseReason(CloseCodes.CANNOT_ACCEPT, "unknown chorus.v1 command");

    /** A chorus.v1 client connected with a {@code ?since=} that is not a whole number from 0 up. */
    public static final CloseReason INVALID_SINCE = new CloseReason(CloseCodes.VIOLATED_POLICY, "invalid since");

    /** A room name outside {@code A-Z a-z 0-9 _ -} (1-64): the gate refuses these with 400 before they open. */
    public static final CloseReason INVALID_ROOM = new CloseReason(CloseCodes.VIOLATED_POLICY, "invalid room name");

    /** A normal close initiated by a client tool. */
    public static final CloseReason CLIENT_DONE = new CloseReason(CloseCodes.NORMAL_CLOSURE, "bye");

    /** A client tool gives up on a server that stopped answering its pings. */
    public static final CloseReason NO_PONG = new CloseReason(CloseCodes.GOING_AWAY, "no pong");

    /**
     * Never sent: what a client tool reports when the server did not answer its close frame within the timeout
     * and it dropped the connection (1006: closed without a close frame from the other side).
     */
    public static final CloseReason NO_CLOSE_ANSWER =
            new CloseReason(CloseCodes.CLOSED_ABNORMALLY, "no close from the server");

    /** The node lost the other nodes (Redis) while this client was joining: come back in a moment. */
    public static final CloseReason TRY_AGAIN_LATER =
            new CloseReason(CloseCodes.TRY_AGAIN_LATER, "chat unavailable, try again later");

    /** A client whose message (or join) found too much waiting to go out to the other nodes (Redis is slow). */
    public static final CloseReason BUS_BACKLOG =
            new CloseReason(CloseCodes.TRY_AGAIN_LATER, "chat overloaded, try again later");

    private CloseReasons() {}
}
