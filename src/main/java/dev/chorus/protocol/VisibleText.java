package dev.chorus.protocol;

/**
 * Text from outside made safe to show on one line of a log or a terminal: every character that would act
 * instead of show is written as an escape. The server's log and {@code chorus client} both show text this way.
 */
public final class VisibleText {

    private VisibleText() {}

    /**
     * {@code text} with every control character (C0, DEL and C1) written as an escape: a backslash and {@code n},
     * {@code r} or {@code t}, else a backslash, {@code u} and four hex digits (ESC: backslash-u001b); U+2028 and
     * U+2029, at which some viewers break lines, and the bidirectional controls likewise. So text from outside
     * can neither start a forged line nor move the cursor, recolour, retitle or reorder what is shown. A
     * backslash stays as it is: the escapes are JSON's, so a chorus.v1 line still reads as the same JSON.
     */
    public static String escape(String text) {
        if (text.codePoints().noneMatch(VisibleText::needsEscape)) {
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

    /** Whether {@link #escape} writes {@code codePoint} as an escape. */
    public static boolean needsEscape(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || isBidiControl(codePoint);
    }

    /**
     * The bidirectional controls, which make a terminal show a line's characters in another order than they
     * were written (other format characters, such as the joiner inside emoji, are left alone).
     */
    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C
                || codePoint == 0x200E
                || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
