package dev.chorus.chat;

/** The tutorial's exact strings: what clients receive and what the server logs. */
public final class ChatLines {

    /** Sent to everyone, the newcomer included, when a client joins. */
    public static final String GREETING = "Hey all, a new client has joined us";

    /** The log shows at most this many characters of a said-line's text, then {@code ..}. */
    static final int LOGGED_TEXT_LIMIT = 200;

    private ChatLines() {}

    /** How a client is named in lines and logs: {@code Client(3)}. */
    public static String client(long id) {
        return "Client(" + id + ")";
    }

    /** What everyone receives when client {@code id} says {@code text}. */
    public static String said(long id, String text) {
        return client(id) + " said: " + text;
    }

    static String joinedLog(long id) {
        return "New client connected and was given id " + id;
    }

    static String saidLog(long id, String text) {
        return said(id, cutForLog(text));
    }

    static String sentBinaryLog(long id, int bytes) {
        return client(id) + " sent " + bytes + " bytes (binary)";
    }

    static String disconnectedLog(long id) {
        return client(id) + " disconnected";
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
     * {@code text} with every line break and other control character written as an escape: a backslash and
     * {@code n}, {@code r} or {@code t}, else a backslash, {@code u} and four hex digits (ESC: backslash-u001b);
     * U+2028 and U+2029, at which some viewers break lines, likewise. So text from outside cannot start a forged
     * log line. Backslashes themselves stay as they are.
     */
    public static String escapeForLog(String text) {
        if (text.codePoints().noneMatch(ChatLines::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean needsEscape(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || isBidiControl(codePoint);
    }

    /**
     * The bidirectional controls, which make a terminal show a line's characters in another order than they
     * were logged (other format characters, such as the joiner inside emoji, are left alone).
     */
    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C
                || codePoint == 0x200E
                || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** The tutorial cuts long texts in its log (not on the wire): 200 characters, then {@code ..}. */
    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= LOGGED_TEXT_LIMIT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, LOGGED_TEXT_LIMIT)) + "..";
    }
}
