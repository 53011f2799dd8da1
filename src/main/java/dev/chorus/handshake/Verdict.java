package dev.chorus.handshake;

import dev.chorus.identity.Identity;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** What the {@link UpgradeGate} says of a request. Each adapter translates it for its server and nothing more. */
public sealed interface Verdict {

    /** Not a WebSocket upgrade: none of the gate's business, it goes on as plain HTTP. */
    Verdict PASS = new Pass();

    /** See {@link #PASS}. */
    record Pass() implements Verdict {}

    /**
     * The upgrade may go ahead.
     *
     * @param client who sent it (behind a trusted proxy, the client the proxy named)
     * @param slot its place under the connection caps: give it back when the connection ends, or at once if the
     *     upgrade does not happen
     * @param room the room it asks for ({@link RoomName#ROOT} for the tutorial's, and for any path that is no room's)
     * @param name the display name it asks for with {@code ?name=}, if any
     * @param identity who its token proves it is, when the server asks for tokens
     */
    record Admit(
            Requester client,
            ConnectionCaps.Slot slot,
            RoomName room,
            Optional<DisplayName> name,
            Optional<Identity> identity)
            implements Verdict {

        /** Who this is, as the chat is to learn it at open: the token's name before the one asked for. */
        public Introduction introduction() {
            return Introduction.of(room, identity, Optional.empty(), name);
        }
    }

    /**
     * Turned away: answer with this, then hang up. Already logged and counted.
     *
     * @param status the HTTP status
     * @param reason a short label for the log and the metrics ({@code draining}, {@code origin not allowed})
     * @param headers what the client needs besides ({@code Retry-After}, {@code Allow}, …)
     * @param contentType the body's type
     * @param body the body
     */
    record Refuse(int status, String reason, Map<String, String> headers, String contentType, String body)
            implements Verdict {

        /** The body's bytes, in UTF-8 (the content types say so). */
        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        /** The status line's reason phrase, for servers that do not know every status (Grizzly says CUSTOM for 426). */
        public String statusText() {
            return switch (status) {
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 405 -> "Method Not Allowed";
                case 426 -> "Upgrade Required";
                case 503 -> "Service Unavailable";
                default -> "Refused";
            };
        }
    }
}
