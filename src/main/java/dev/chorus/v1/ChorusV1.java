package dev.chorus.v1;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.Session;
import java.util.List;
import java.util.OptionalLong;

/** The subprotocol's name and what a session's handshake says about it. */
public final class ChorusV1 {

    /** The name offered in {@code Sec-WebSocket-Protocol}. */
    public static final String NAME = "chorus.v1";

    /** The socket URL's query parameter with the last seq a reconnecting client saw: {@code ?since=41}. */
    public static final String SINCE = "since";

    private ChorusV1() {}

    /** Whether {@code session} negotiated chorus.v1; everyone else is a tutorial client. */
    public static boolean isSpokenBy(Session session) {
        return NAME.equals(session.getNegotiatedSubprotocol());
    }

    /**
     * The seq given with {@code ?since=}, if any.
     *
     * @throws ProtocolViolation if it is given but is not one whole number from 0 up
     */
    public static OptionalLong since(Session session) throws ProtocolViolation {
        List<String> values = session.getRequestParameterMap().get(SINCE);
        if (values == null || values.isEmpty()) {
            return OptionalLong.empty();
        }
        if (values.size() == 1) {
            try {
                long since = Long.parseLong(values.get(0).trim());
                if (since >= 0) {
                    return OptionalLong.of(since);
                }
            } catch (NumberFormatException e) {
                // Reported below, like a negative number.
            }
        }
        throw new ProtocolViolation(CloseReasons.INVALID_SINCE, "an invalid ?since=");
    }
}
