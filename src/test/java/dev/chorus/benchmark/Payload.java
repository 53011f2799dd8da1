package dev.chorus.benchmark;

/**
 * The benchmark's message text, {@code <seq> <nanos> <padding>}, sent in a {@link Dialect}, and the parse of
 * what comes back: the sender's id from the said-line around the text, then the stamp. The generator is one
 * process, so {@link System#nanoTime} stamps from the sender are comparable at every receiver. Parsing works on
 * a char array without allocating, because it runs once per delivery.
 */
final class Payload {

    private static final String PADDING = "x".repeat(1 << 20);

    /** Fields of a parsed delivery; one instance per receiver, reused. */
    static final class Parsed {
        int client;
        long seq;
        long nanos;
    }

    private Payload() {}

    /**
     * What a sender sends: a text of exactly {@code size} ASCII characters (or longer if the numbers need it),
     * wrapped as {@code dialect} says. Digits, spaces and padding need no JSON escaping.
     */
    static String text(Dialect dialect, long seq, long nanos, int size) {
        StringBuilder text = new StringBuilder(dialect.sayStart().length()
                + Math.max(size, 48)
                + dialect.sayEnd().length());
        text.append(dialect.sayStart());
        int start = text.length();
        text.append(seq).append(' ').append(nanos).append(' ');
        int padding = Math.max(0, size - (text.length() - start));
        text.append(PADDING, 0, Math.min(padding, PADDING.length()));
        return text.append(dialect.sayEnd()).toString();
    }

    /** What a sender sends to say {@code text} (a short ASCII one, like a hello) in {@code dialect}. */
    static String say(Dialect dialect, String text) {
        return dialect.sayStart() + text + dialect.sayEnd();
    }

    /** Parses a said-line whose text starts {@code <seq> <nanos> }; false if {@code head} is not one. */
    static boolean parse(Dialect dialect, char[] head, int length, Parsed into) {
        int seqStart = dialect.textStart(head, length, into);
        if (seqStart < 0) {
            return false;
        }
        int seqEnd = Chars.indexOf(head, length, ' ', seqStart);
        int nanosEnd = seqEnd < 0 ? -1 : Chars.indexOf(head, length, ' ', seqEnd + 1);
        if (nanosEnd < 0) {
            return false;
        }
        into.seq = Chars.number(head, seqStart, seqEnd);
        into.nanos = Chars.signedNumber(head, seqEnd + 1, nanosEnd);
        return into.seq >= 0 && into.nanos != Long.MIN_VALUE;
    }

    /** The sender's id of a said-line (all of it in {@code head}) whose text is exactly {@code text}, else -1. */
    static int saidBy(Dialect dialect, char[] head, int length, String text, Parsed scratch) {
        int start = dialect.textStart(head, length, scratch);
        if (start < 0
                || !Chars.startsWith(head, length, start, text)
                || !dialect.endsSaid(head, length, start + text.length())) {
            return -1;
        }
        return scratch.client;
    }

    /** {@link #saidBy(Dialect, char[], int, String, Parsed)} of a whole line, for the rare caller holding one. */
    static int saidBy(Dialect dialect, String line, String text) {
        return saidBy(dialect, line.toCharArray(), line.length(), text, new Parsed());
    }
}
