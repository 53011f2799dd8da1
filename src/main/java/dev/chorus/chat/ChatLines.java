package dev.chorus.chat;

import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import dev.chorus.protocol.Utf8;
import dev.chorus.protocol.VisibleText;

/** The tutorial's exact strings: what clients receive and what the server logs. */
public final class ChatLines {

    /** Sent to everyone, the newcomer included, when a client joins. */
    public static final String GREETING = "Hey all, a new client has joined us";

    /** The log shows at most this many characters of a said-line's text, then {@code ..}. */
    static final int LOGGED_TEXT_LIMIT = 200;

    private ChatLines() {}

    /** How a client is named in lines and logs: {@code Client(3)}. */
    public static String client(long id) {
        return ClientName.of(id);
    }

    /** What everyone receives when client {@code id} says {@code text} (the server's own words go as they are). */
    public static String said(long id, String text) {
        return id == ClientName.SERVER_ID ? text : client(id) + " said: " + text;
    }

    /**
     * How client {@code id} is written in the log: the tutorial's {@code Client(3)}, then its display name if it
     * chose one ({@code Client(3) [alice]}), then its room outside the tutorial's ({@code … in room lobby}).
     */
    static String label(long id, String name, RoomName room) {
        String label = client(id) + named(id, name);
        return room.isRoot() ? label : label + " in room " + room;
    }

    /** The tutorial's line in its room for a client without a name; otherwise with the room and the name. */
    static String joinedLog(long id, String name, RoomName room) {
        String where = room.isRoot() ? "" : " to room " + room;
        return "New client connected" + where + " and was given id " + id + named(id, name);
    }

    /** {@code " [alice]"} for a client that chose a name, nothing for one that did not. */
    private static String named(long id, String name) {
        return ClientName.isDefault(id, name) ? "" : " [" + escapeForLog(name) + "]";
    }

    /**
     * The log line for a client ({@link #label}) saying {@code text}: the tutorial's {@code Client(N) said: X}, or
     * with {@code --log-messages false} only the size, {@code Client(N) said B bytes}, so chat stays out of the
     * log.
     */
    static String saidLog(String label, String text, boolean withText) {
        return withText ? label + " said: " + cutForLog(text) : label + " said " + Utf8.length(text) + " bytes";
    }

    static String sentBinaryLog(String label, int bytes) {
        return label + " sent " + bytes + " bytes (binary)";
    }

    static String disconnectedLog(String label) {
        return label + " disconnected";
    }

    /**
     * What the log shows of a client's text: cut as the tutorial cuts it (200 characters, then {@code ..}), then
     * {@linkplain #escapeForLog escaped}, so one event is one log line whatever the text holds. Only the log:
     * clients receive the text unchanged.
     */
    public static String cutForLog(String text) {
        return escapeForLog(cut(text));
    }

    /**
     * {@code text} with every line break and other control character written as an escape ({@link
     * VisibleText#escape}), so text from outside cannot start a forged log line.
     */
    public static String escapeForLog(String text) {
        return VisibleText.escape(text);
    }

    /** The tutorial cuts long texts in its log (not on the wire): 200 characters, then {@code ..}. */
    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= LOGGED_TEXT_LIMIT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, LOGGED_TEXT_LIMIT)) + "..";
    }
}
