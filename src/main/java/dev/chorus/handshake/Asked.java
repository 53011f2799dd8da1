package dev.chorus.handshake;

import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an upgrade asks for by its path and query: the room ({@code /} is the tutorial's, {@code /rooms/NAME} is
 * NAME) and the display name ({@code ?name=}). The gate and {@link Introductions} read both the same way.
 */
final class Asked {

    /** Where named rooms are, under the application's root. */
    static final String ROOMS = "/rooms/";

    /** The refusal of a path under {@link #ROOMS} that names no room. */
    static final String INVALID_ROOM = "invalid room name: " + RoomName.RULE;

    /** The refusal of a {@code ?name=} that is no display name, before the reason. */
    static final String INVALID_NAME = "invalid name: ";

    /** Why a {@code name} parameter given twice is refused (which one would be meant?). */
    static final String TWICE = "given more than once";

    /** Why a {@code name} parameter that does not %-decode is refused. */
    static final String UNDECODABLE = "not %-encoded";

    private Asked() {}

    /**
     * The room {@code path} (within the application, undecoded) asks for: a valid name after {@link #ROOMS}, or
     * the tutorial's room for {@code /} and for any path outside {@link #ROOMS} (those are not rooms; the
     * container answers them as before). Empty if the path is {@link #ROOMS} followed by anything but a room name.
     */
    static Optional<RoomName> room(String path) {
        if (path == null || !path.startsWith(ROOMS)) {
            return Optional.of(RoomName.ROOT);
        }
        return RoomName.parse(path.substring(ROOMS.length())).filter(room -> !room.isRoot());
    }

    /**
     * The display name {@code query} (undecoded, without {@code ?}, null if none) asks for: empty if it asks
     * for none, else the name or why it is refused.
     */
    static Optional<DisplayName.Reading> name(String query) {
        List<String> values = values(query, "name");
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            return Optional.of(refused(TWICE));
        }
        try {
            return Optional.of(DisplayName.read(URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.of(refused(UNDECODABLE));
        }
    }

    /** Every value of parameter {@code name} in {@code query}, as written (still %-encoded), in order. */
    static List<String> values(String query, String name) {
        List<String> values = new ArrayList<>();
        if (query != null) {
            String prefix = name + "=";
            for (String parameter : query.split("&", -1)) {
                if (parameter.startsWith(prefix)) {
                    values.add(parameter.substring(prefix.length()));
                }
            }
        }
        return values;
    }

    private static DisplayName.Reading refused(String why) {
        return new DisplayName.Reading(Optional.empty(), Optional.of(why));
    }
}
