package dev.chorus.benchmark;

/**
 * Reading a message's head in place: a prefix, a character, a decimal number in a {@code char[]}. Nothing here
 * allocates, because it runs once per delivery on the load generator, which must not become the bottleneck.
 */
final class Chars {

    private Chars() {}

    static boolean startsWith(char[] head, int length, int at, String prefix) {
        if (at < 0 || at + prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (head[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(char[] head, int length, char wanted, int from) {
        for (int i = from; i < length; i++) {
            if (head[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A non-negative decimal in {@code head[from, to)}, or -1 if it is not one. */
    static long number(char[] head, int from, int to) {
        if (from < 0 || from >= to || to - from > 18) {
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
    static long signedNumber(char[] head, int from, int to) {
        boolean negative = from < to && head[from] == '-';
        long value = number(head, negative ? from + 1 : from, to);
        if (value < 0) {
            return Long.MIN_VALUE;
        }
        return negative ? -value : value;
    }
}
