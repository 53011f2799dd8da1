package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A workload one server cannot run reads n/a there, and its relative rows compare each server with itself. */
class ReportTest {

    private static final Relative FASTER = new Relative("deliveries/s ÷ plain's", "deliveries/s", "plain");

    @Test
    void aServerThatDoesNotRunAWorkloadReadsNotApplicableAndTheOtherIsSetAgainstItsOwnBase() {
        Report report = new Report(List.of("Chorus", "naive"));
        report.add("plain", 0, List.of(Figure.number("deliveries/s", 400, "%.0f")));
        report.add("plain", 1, List.of(Figure.number("deliveries/s", 800, "%.0f")));
        report.add("v1", 0, List.of(Figure.number("deliveries/s", 300, "%.0f")));
        report.notRun("v1", 1);
        report.relate("v1", FASTER);

        String table = report.markdown();
        assertTrue(table.contains("| deliveries/s | 300 | n/a |  |"), table);
        assertTrue(table.contains("| deliveries/s ÷ plain's | 0.75 | n/a |  |"), table);
    }

    @Test
    void withoutItsBaseARelativeRowSaysSo() {
        Report report = new Report(List.of("Chorus", "naive"));
        report.add("v1", 0, List.of(Figure.number("deliveries/s", 300, "%.0f")));
        report.notRun("v1", 1);
        report.relate("v1", FASTER);

        String table = report.markdown();
        assertTrue(table.contains("| deliveries/s ÷ plain's | n/a (not run) | n/a |  |"), table);
    }
}
