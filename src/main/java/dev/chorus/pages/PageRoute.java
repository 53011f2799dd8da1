package dev.chorus.pages;

import dev.chorus.naming.RoomName;
import java.util.Set;

/**
 * What a plain (non-upgrade) request for a path under {@code /rooms/} gets: each room has the page at
 * {@code /rooms/NAME/}, with its files beside it so the page's relative links work. Paths are read as they came,
 * not %-decoded: a room name needs no escaping, so an escaped one is no room name.
 */
public sealed interface PageRoute {

    /** Where the rooms' pages live, relative to the application root. */
    String ROOMS = "/rooms/";

    /** The page's own files, as named under {@code webapp/}. */
    Set<String> FILES = Set.of("index.html", "chat.js", "chat.css");

    /** Serve this file of the page ({@code index.html}, {@code chat.js} or {@code chat.css}). */
    record Serve(String file) implements PageRoute {}

    /** Answer 308 with this location (relative to the application root): the room's page, with its slash. */
    record Redirect(String location) implements PageRoute {}

    /** Under {@code /rooms/}, but no room's page or file: 404. */
    record Missing() implements PageRoute {}

    /** Not under {@code /rooms/}: for whatever else serves the application. */
    record Elsewhere() implements PageRoute {}

    /**
     * The answer for {@code path}, relative to the application root and without the query.
     *
     * @param path e.g. {@code /rooms/lobby/chat.js}
     */
    static PageRoute of(String path) {
        if (!path.startsWith(ROOMS)) {
            return path.equals("/rooms") ? new Missing() : new Elsewhere();
        }
        String rest = path.substring(ROOMS.length());
        int slash = rest.indexOf('/');
        String room = slash < 0 ? rest : rest.substring(0, slash);
        if (!isRoom(room)) {
            return new Missing();
        }
        if (slash < 0) {
            return new Redirect(ROOMS + room + "/");
        }
        String file = rest.substring(slash + 1);
        if (file.isEmpty()) {
            return new Serve("index.html");
        }
        return FILES.contains(file) ? new Serve(file) : new Missing();
    }

    /** The redirect's location with the request's query kept ({@code query} undecoded, null for none). */
    static String withQuery(String location, String query) {
        return query == null || query.isEmpty() ? location : location + "?" + query;
    }

    private static boolean isRoom(String name) {
        return RoomName.parse(name).filter(room -> !room.isRoot()).isPresent();
    }
}
