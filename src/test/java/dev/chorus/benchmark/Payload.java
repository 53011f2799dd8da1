package dev.chorus.benchmark;

/**
 * The benchmark's message text, {@code <seq> <nanos> <padding>}, and the parse of what comes back,
 * {@code Client(N) said: <seq> <nanos> <padding>}. The generator is one process, so {@link System#nanoTime}
 * stamps from the sender are comparable at every receiver. Parsing works on a char array without allocating,
 * because it runs once per delivery.
 */
final class Payload {

    static final String GREETING = "Hey all, a new client has joined us";
    private static final String CLIENT = "Client(";
    private static final String SAID = ") said: ";
    private static final String PADDING = "x".repeat(1 << 20);

    /** Fields of a parsed delivery; one instance per receiver, reused. */
    static final class Parsed {
        int client;
        long seq;
        long nanos;
    }

    private Payload() {}

    /** The text a sender sends: exactly {@code size} ASCII characters (or longer if the numbers need it). */
    static String text(long seq, long nanos, int size) {
        StringBuilder text = new StringBuilder(Math.max(size, 48));
        text.append(seq).append(' ').append(nanos).append(' ');
        int padding = Math.max(0, size - text.length());
        return text.append(PADDING, 0, Math.min(padding, PADDING.length())).toString();
    }

    static boolean isGreeting(char[] head, int length) {
        return startsWith(head, length, 0, GREETING) && length == GREETING.length();
    }

    /** Parses {@code Client(N) said: <seq> <nanos> ...}; false if {@code head} is not such a line. */
    static boolean parse(char[] head, int length, Parsed into) {
        if (!startsWith(head, length, 0, CLIENT)) {
            return false;
        }
        int at = CLIENT.length();
        int close = indexOf(head, length, ')', at);
        if (close < 0 || !startsWith(head, length, close, SAID)) {
            return false;
        }
        long client = number(head, at, close);
        int seqStart = close + SAID.length();
        int seqEnd = indexOf(head, length, ' ', seqStart);
        int nanosEnd = seqEnd < 0 ? -1 : indexOf(head, length, ' ', seqEnd + 1);
        if (client < 0 || nanosEnd < 0) {
            return false;
        }
        into.client = (int) client;
        into.seq = number(head, seqStart, seqEnd);
        into.nanos = signedNumber(head, seqEnd + 1, nanosEnd);
        return into.seq >= 0 && into.nanos != Long.MIN_VALUE;
    }

    /** The client id in a {@code Client(N) said: TEXT} line whose text is exactly {@code text}, else -1. */
    static int saidBy(String line, String text) {
        if (!line.startsWith(CLIENT) || !line.endsWith(SAID + text)) {
            return -1;
        }
        char[] chars = line.toCharArray();
        return (int) number(chars, CLIENT.length(), line.length() - SAID.length() - text.length());
    }

    private static boolean startsWith(char[] head, int length, int at, String prefix) {
        if (at + prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (head[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] head, int length, char wanted, int from) {
        for (int i = from; i < length; i++) {
            if (head[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A non-negative decimal in {@code head[from, to)}, or -1 if it is not one. */
    private static long number(char[] head, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = head[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@link System#nanoTime} may be negative; {@link Long#MIN_VALUE} means "not a number". */
    private static long signedNumber(char[] head, int from, int to) {
        boolean negative = from < to && head[from] == '-';
        long value = number(head, negative ? from + 1 : from, to);
        if (value < 0) {
            return Long.MIN_VALUE;
        }
        return negative ? -value : value;
    }
}
