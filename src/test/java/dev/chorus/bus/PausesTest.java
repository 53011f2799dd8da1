package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reader's waits between tries: random, from 0 up to a ceiling that doubles with each failure, capped. */
class PausesTest {

    @Test
    void eachWaitIsBetweenZeroAndItsCeilingWhichDoublesUpToTheLongest() {
        Pauses pauses = new Pauses(50, 1_000);
        long[] ceilings = {50, 50, 100, 200, 400, 800, 1_000, 1_000};
        for (int failures = 0; failures < ceilings.length; failures++) {
            for (int draw = 0; draw < 200; draw++) {
                long wait = pauses.millisAfter(failures);
                long ceiling = ceilings[failures];
                assertTrue(wait >= 0 && wait <= ceiling, () -> wait + " outside 0.." + ceiling);
            }
        }
        assertTrue(pauses.millisAfter(Integer.MAX_VALUE) <= 1_000);
    }

    @Test
    void theWaitsAreSpreadNotAllTheSame() {
        Pauses pauses = new Pauses(50, 1_000);
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToLong(i -> pauses.millisAfter(10))
                .distinct()
                .count();
        assertTrue(distinct > 10, () -> "only " + distinct + " different waits in 100");
    }

    @Test
    void aFirstWaitBelowOneMillisecondOrLongerThanTheLongestIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pauses(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Pauses(20, 10));
    }
}
