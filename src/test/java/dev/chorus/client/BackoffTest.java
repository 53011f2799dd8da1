package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDelayDoublesWithEachAttemptUpToTheMaximum() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(1));
        assertEquals(Optional.of(Duration.ofMillis(250)), backoff.delay(1));
        assertEquals(Optional.of(Duration.ofMillis(500)), backoff.delay(2));
        assertEquals(Optional.of(Duration.ofSeconds(1)), backoff.delay(3));
        assertEquals(Optional.of(Duration.ofSeconds(1)), backoff.delay(1_000_000));
    }

    @Test
    void theDefaultStartsAtAQuarterSecondAndStopsGrowingAtEight() {
        assertEquals(Optional.of(Duration.ofMillis(250)), Backoff.DEFAULT.delay(1));
        assertEquals(Optional.of(Duration.ofSeconds(8)), Backoff.DEFAULT.delay(6));
        assertEquals(Optional.of(Duration.ofSeconds(8)), Backoff.DEFAULT.delay(60));
    }

    @Test
    void noneNeverRetries() {
        assertEquals(Optional.empty(), Backoff.none().delay(1));
    }

    @Test
    void aMaximumBelowTheFirstDelayIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
