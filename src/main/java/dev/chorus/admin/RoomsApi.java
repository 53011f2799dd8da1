package dev.chorus.admin;

import dev.chorus.admin.Publishing.MemberView;
import dev.chorus.admin.Publishing.RoomView;
import dev.chorus.chat.ChatLines;
import dev.chorus.chat.RoomDirectory.Published;
import dev.chorus.naming.RoomName;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.ops.Replies;
import dev.chorus.protocol.Utf8;
import dev.chorus.settings.Settings;
import jakarta.json.JsonArrayBuilder;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server publish API, the HTTP face of {@link Publishing}, under the admin endpoints' token (checked by {@link
 * AdminEndpoint} before anything here). The tutorial room is {@code ~} in a path and {@code /} in JSON:
 *
 * <ul>
 *   <li>{@code GET /api/rooms}: 200 {@code {"rooms":[{"name":"/","members":3},…]}}, this node's rooms
 *   <li>{@code GET /api/rooms/NAME/members}: 200 {@code {"room":"NAME","members":[{"id":3,"name":"bob"}]}}, or 404
 *   <li>{@code POST /api/rooms/NAME/messages}, the body the text: 202 {@code {"room":"NAME"}}
 * </ul>
 *
 * Errors are {@code {"error":…,"detail":…}}: 400 an invalid room name, a body that is empty or not well-formed
 * UTF-8; 404 no such room (members); 405 another method (with {@code Allow}); 413 a body over {@code
 * --max-message-bytes}; 503 (with {@code Retry-After}) the room limit or the bus backlog.
 */
public final class RoomsApi {

    /** Where it lives below the admin endpoints' root. */
    static final String PREFIX = "/api/rooms";

    /** How the tutorial room is written in a path: {@code /} cannot be a path segment. */
    static final String ROOT_IN_PATH = "~";

    private static final System.Logger LOG = System.getLogger(RoomsApi.class.getName());
    private static final Pattern ROOM_PATH = Pattern.compile("/api/rooms/([^/]*)/(messages|members)");

    private final Supplier<Publishing> publishing;
    private final int maxMessageBytes;
    private final long retryAfterSeconds;
    private final boolean logText;

    /**
     * @param publishing the chat, looked up per request
     * @param maxMessageBytes the largest text (as UTF-8) a message may have: {@code --max-message-bytes}
     * @param retryAfterSeconds the {@code Retry-After} of a 503
     * @param logText whether the log line shows the text ({@code --log-messages}) or only its size
     */
    public RoomsApi(Supplier<Publishing> publishing, int maxMessageBytes, long retryAfterSeconds, boolean logText) {
        this.publishing = publishing;
        this.maxMessageBytes = maxMessageBytes;
        this.retryAfterSeconds = retryAfterSeconds;
        this.logText = logText;
    }

    /** The API over {@code publishing} with the limits {@code settings} set. */
    public static RoomsApi of(Settings settings, Supplier<Publishing> publishing) {
        return new RoomsApi(
                publishing,
                settings.inboundLimits().maxMessageBytes(),
                settings.operations().retryAfterSeconds(),
                settings.logging().messages());
    }

    /** Whether {@code path} is this API's to answer (everything under {@code /api/rooms}). */
    static boolean serves(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Answers an authorised request whose path it {@linkplain #serves serves}. */
    OpsReply handle(OpsRequest request) {
        String path = request.path();
        if (path.equals(PREFIX)) {
            return only("GET", request, () -> rooms(publishing.get().rooms()));
        }
        Matcher matcher = ROOM_PATH.matcher(path);
        if (!matcher.matches()) {
            return Replies.error(
                    404, "not found", "the paths are /api/rooms, /api/rooms/NAME/members, /api/rooms/NAME/messages");
        }
        boolean messages = matcher.group(2).equals("messages");
        return only(messages ? "POST" : "GET", request, () -> {
            Optional<RoomName> room = room(matcher.group(1));
            if (room.isEmpty()) {
                return Replies.error(400, "invalid room name", RoomName.RULE + ", or ~ for the tutorial room");
            }
            return messages ? publish(room.get(), request.body()) : members(room.get());
        });
    }

    /**
     * The room a path segment names. {@code %7E} is {@code ~} (RFC 3986 6.2.2.2): a servlet container hands the
     * path over decoded, Grizzly as it came, and both must read it alike.
     */
    private static Optional<RoomName> room(String segment) {
        boolean root = segment.equals(ROOT_IN_PATH) || segment.equalsIgnoreCase("%7E");
        return root ? Optional.of(RoomName.ROOT) : RoomName.parse(segment);
    }

    private static OpsReply only(String method, OpsRequest request, Supplier<OpsReply> action) {
        if (request.method().equals(method)) {
            return action.get();
        }
        return Replies.error(405, "method not allowed", "use " + method, Map.of("Allow", method));
    }

    private static OpsReply rooms(List<RoomView> rooms) {
        return OpsReply.json(
                200,
                Replies.object()
                        .add("rooms", array(rooms, r -> Replies.object()
                                .add("name", r.room().toString())
                                .add("members", r.members())))
                        .build());
    }

    private OpsReply members(RoomName room) {
        Optional<List<MemberView>> members = publishing.get().members(room);
        if (members.isEmpty()) {
            return Replies.error(404, "no such room", "this node holds no room " + room);
        }
        return OpsReply.json(
                200,
                Replies.object()
                        .add("room", room.toString())
                        .add("members", array(members.get(), m -> Replies.object()
                                .add("id", m.id())
                                .add("name", m.name())))
                        .build());
    }

    private OpsReply publish(RoomName room, byte[] body) {
        if (body.length == 0) {
            return Replies.error(400, "empty message", "the body is the text to publish, in UTF-8");
        }
        if (body.length > maxMessageBytes) {
            return Replies.error(
                    413, "message too large", "at most " + maxMessageBytes + " bytes of UTF-8 (--max-message-bytes)");
        }
        Optional<String> text = Utf8.decode(body);
        if (text.isEmpty()) {
            return Replies.error(400, "invalid text", "the body must be well-formed UTF-8 (no lone surrogates)");
        }
        Published outcome = publishing.get().publish(room, text.get());
        LOG.log(Level.INFO, () -> publishedLog(room, body.length, text.get(), outcome));
        Map<String, String> retry = Map.of("Retry-After", Long.toString(retryAfterSeconds));
        return switch (outcome) {
            case ACCEPTED -> OpsReply.json(
                    202, Replies.object().add("room", room.toString()).build());
            case ROOM_LIMIT -> Replies.error(
                    503, "room limit reached", "this node holds --max-rooms rooms already; try again later", retry);
            case BACKLOG -> Replies.error(
                    503, "bus backlog", "too much waits to go out on the bus; try again later", retry);
        };
    }

    /** One line per message, as the chat logs what clients say: the text cut and escaped, or only its size. */
    private String publishedLog(RoomName room, int bytes, String text, Published outcome) {
        String what = "room " + room + " (" + bytes + " bytes)" + (logText ? ": " + ChatLines.cutForLog(text) : "");
        return switch (outcome) {
            case ACCEPTED -> "An operator published to " + what;
            case ROOM_LIMIT -> "Refused to publish (room limit reached) to " + what;
            case BACKLOG -> "Refused to publish (bus backlog) to " + what;
        };
    }

    private static <T> JsonArrayBuilder array(List<T> items, Function<T, jakarta.json.JsonObjectBuilder> json) {
        JsonArrayBuilder array = Replies.JSON.createArrayBuilder();
        items.forEach(item -> array.add(json.apply(item)));
        return array;
    }
}
