package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesWithEachAttemptUpToTheMaximum() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(250), backoff.ceiling(1));
        assertEquals(Duration.ofMillis(500), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(3));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(1_000_000));
    }

    @Test
    void theDefaultCeilingStartsAtAQuarterSecondAndStopsGrowingAtEight() {
        assertEquals(Duration.ofMillis(250), Backoff.DEFAULT.ceiling(1));
        assertEquals(Duration.ofSeconds(8), Backoff.DEFAULT.ceiling(6));
        assertEquals(Duration.ofSeconds(8), Backoff.DEFAULT.ceiling(60));
    }

    @Test
    void everyWaitLiesBetweenZeroAndItsCeilingWholeMillisecondsBothEndsIncluded() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(3), Duration.ofMillis(12), new SplittableRandom(7));
        for (int attempt = 1; attempt <= 6; attempt++) {
            Duration ceiling = backoff.ceiling(attempt);
            List<Long> seen = new ArrayList<>();
            for (int draw = 0; draw < 2_000; draw++) {
                Duration wait = backoff.delay(attempt).orElseThrow();
                assertTrue(!wait.isNegative() && wait.compareTo(ceiling) <= 0, () -> wait + " outside 0.." + ceiling);
                assertEquals(0, wait.toNanos() % 1_000_000, () -> wait + " is not whole milliseconds");
                seen.add(wait.toMillis());
            }
            assertTrue(seen.contains(0L) && seen.contains(ceiling.toMillis()), () -> "ends not reached: " + seen);
        }
    }

    @Test
    void theWaitsAreDrawnFromTheGivenSourceItsLowestAndHighestGivingTheBounds() {
        Backoff lowest = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(8), fixed(0));
        Backoff highest = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(8), fixed(Long.MAX_VALUE));
        assertEquals(Optional.of(Duration.ZERO), lowest.delay(1));
        assertEquals(Optional.of(Duration.ofMillis(250)), highest.delay(1));
        assertEquals(Optional.of(Duration.ofMillis(500)), highest.delay(2));
        assertEquals(Optional.of(Duration.ofSeconds(8)), highest.delay(60));
    }

    @Test
    void twoClientsWithDifferentSeedsWaitDifferently() {
        Backoff one = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(8), new SplittableRandom(1));
        Backoff other = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(8), new SplittableRandom(2));
        assertNotEquals(waits(one), waits(other));
        assertNotEquals(waits(Backoff.DEFAULT), waits(Backoff.DEFAULT), "the default draws afresh every time");
    }

    @Test
    void noneNeverRetries() {
        assertEquals(Optional.empty(), Backoff.none().delay(1));
    }

    @Test
    void aMaximumBelowTheFirstCeilingOrAFirstCeilingUnderAMillisecondIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Backoff.exponential(Duration.ofNanos(999_999), Duration.ofSeconds(1)));
    }

    /** Ten attempts' waits: equal for two sources only with odds far below one in 10^30. */
    private static List<Duration> waits(Backoff backoff) {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            waits.add(backoff.delay(attempt).orElseThrow());
        }
        return waits;
    }

    /** A source that always answers {@code value} clamped into the bound asked for. */
    private static RandomGenerator fixed(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public long nextLong(long bound) {
                return Math.min(value, bound - 1);
            }
        };
    }
}
