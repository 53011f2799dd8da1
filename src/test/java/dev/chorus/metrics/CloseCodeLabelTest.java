package dev.chorus.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The close-code label of {@code chorus_closes_total} stays a small, fixed set whatever codes clients choose. */
class CloseCodeLabelTest {

    private static Set<String> seriesAfterClosesWith(IntStream codes) {
        ChatMetrics metrics = new ChatMetrics();
        codes.forEach(metrics::closed);
        return metrics.registry().find("chorus.closes").counters().stream()
                .map(counter -> counter.getId().getTag("code"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void closesWithEveryCodeFrom3000To4999MakeTwoSeries() {
        assertEquals(Set.of("3xxx", "4xxx"), seriesAfterClosesWith(IntStream.rangeClosed(3000, 4999)));
    }

    @Test
    void closesWithEveryPossibleCodeMakeAtMostEighteenSeries() {
        Set<String> series = seriesAfterClosesWith(IntStream.rangeClosed(-1, 70_000));
        assertEquals(CloseCodeLabel.MAX_LABELS, series.size(), series::toString);
        assertEquals(18, CloseCodeLabel.MAX_LABELS);
    }

    @Test
    void theStandardCodesKeepTheirOwnLabel() {
        for (int code : new int[] {1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1013, 1015}) {
            assertEquals(Integer.toString(code), CloseCodeLabel.of(code));
        }
    }

    @Test
    void reservedUnassignedAndInvalidCodesAreOther() {
        for (int code : new int[] {0, 999, 1004, 1016, 2999, 5000, 65_535, -1}) {
            assertEquals("other", CloseCodeLabel.of(code), () -> Integer.toString(code));
        }
    }

    @Test
    void applicationCodesFoldByThousand() {
        assertEquals("3xxx", CloseCodeLabel.of(3000));
        assertEquals("3xxx", CloseCodeLabel.of(3999));
        assertEquals("4xxx", CloseCodeLabel.of(4000));
        assertEquals("4xxx", CloseCodeLabel.of(4999));
    }
}
