package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The redis-latency workload's counters: every node's added up, a phase's the difference, absent is n/a. */
class BusCountersTest {

    private static final String NODE = String.join(
            "\n",
            "chorus_slow_consumers_evicted_total{reason=\"outbox_overflow\"} 1.0",
            "chorus_slow_consumers_evicted_total{reason=\"write_timeout\"} 2.0",
            "chorus_bus_errors_total{kind=\"command\"} 0.0",
            "chorus_bus_errors_total{kind=\"connection\"} 4.0",
            "chorus_bus_backlog_full_total 5.0",
            "");

    @Test
    void twoNodesCountersAreAddedUp() {
        BusCounters both = BusCounters.read(NODE).plus(BusCounters.read(NODE));
        assertEquals(new BusCounters(OptionalDouble.of(6), OptionalDouble.of(8), OptionalDouble.of(10)), both);
    }

    @Test
    void aPhaseCountsWhatCameBetweenItsTwoReadings() {
        BusCounters earlier = BusCounters.read(NODE);
        BusCounters later =
                earlier.plus(new BusCounters(OptionalDouble.of(0), OptionalDouble.of(3), OptionalDouble.of(0)));
        assertEquals(
                List.of("0", "3", "0"),
                later.since(earlier).figures("during: ").stream()
                        .map(Figure::text)
                        .toList());
    }

    @Test
    void aCounterOneNodeDoesNotExportReadsNotAvailableNotZero() {
        BusCounters both = BusCounters.read(NODE).plus(BusCounters.read("chorus_bus_errors_total 1.0\n"));
        assertEquals(
                List.of("n/a", "5", "n/a"),
                both.figures("before: ").stream().map(Figure::text).toList());
    }
}
