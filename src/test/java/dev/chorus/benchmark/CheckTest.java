package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The churn soak's verdicts: back within the margin passes, beyond it fails, unknown is neither. */
class CheckTest {

    @Test
    void aValueBackExactlyAtItsBaselinePassesAnExactCheck() {
        Check fds = new Check("open fds", 0, "%.0f", OptionalDouble.of(87), OptionalDouble.of(87));
        assertTrue(fds.passes());
        assertEquals("open fds (exactly)", fds.name());
        assertEquals("PASS: 87 → 87", fds.verdict());
    }

    @Test
    void aValueOffByMoreThanTheMarginFailsAndShowsTheDifference() {
        Check fds = new Check("open fds", 0, "%.0f", OptionalDouble.of(87), OptionalDouble.of(287));
        assertFalse(fds.passes());
        assertEquals("FAIL: 87 → 287 (+200)", fds.verdict());
    }

    @Test
    void aValueWithinItsMarginEitherWayPasses() {
        Check heap = new Check("live heap", 4, "%.1f MiB", OptionalDouble.of(20.0), OptionalDouble.of(16.5));
        assertTrue(heap.passes());
        assertEquals("live heap (±4.0 MiB)", heap.name());
        assertEquals("PASS: 20.0 MiB → 16.5 MiB (-3.5 MiB)", heap.verdict());
    }

    @Test
    void theVerdictNamesTheItemsThatFailedAndThoseTheServerDoesNotShow() {
        Check fds = new Check("open fds", 0, "%.0f", OptionalDouble.of(87), OptionalDouble.of(127));
        Check threads = new Check("threads", 2, "%.0f", OptionalDouble.of(41), OptionalDouble.of(42));
        Check pending = new Check("pending", 0, "%.0f", OptionalDouble.empty(), OptionalDouble.empty());
        assertEquals("FAIL: open fds (n/a: pending)", Snapshot.verdict(List.of(fds, threads, pending)));
        assertEquals("PASS", Snapshot.verdict(List.of(threads)));
    }

    @Test
    void aValueTheServerDoesNotShowIsNeitherPassNorFail() {
        Check pending = new Check("pending", 0, "%.0f", OptionalDouble.empty(), OptionalDouble.empty());
        assertFalse(pending.passes());
        assertEquals("n/a (before n/a, after n/a)", pending.verdict());
    }
}
