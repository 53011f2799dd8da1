package dev.chorus.bus;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next try after {@code n} failures in a row: a random wait between 0 and
 * {@code min(longest, first × 2^(n-1))} ("full jitter"), so nodes that lost Redis together do not all come back
 * in the same instant.
 */
record Pauses(long firstMillis, long longestMillis) {

    Pauses {
        if (firstMillis < 1 || longestMillis < firstMillis) {
            throw new IllegalArgumentException("need 1 <= first <= longest: " + firstMillis + ", " + longestMillis);
        }
    }

    /** The wait after {@code failures} failures in a row (at least 1), drawn afresh. */
    long millisAfter(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(longestMillis, firstMillis << doublings);
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
}
