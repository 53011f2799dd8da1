package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The churn soak reads the server's gauges out of its metrics text: every label set summed, absent is empty. */
class PrometheusTextTest {

    private static final String SCRAPE = String.join(
            "\n",
            "# HELP chorus_connections_open Clients connected now",
            "# TYPE chorus_connections_open gauge",
            "chorus_connections_open 3.0",
            "# HELP chorus_connections_open_extra Not the same metric",
            "chorus_connections_open_extra 99.0",
            "# TYPE chorus_slow_consumers_evicted_total counter",
            "chorus_slow_consumers_evicted_total{reason=\"outbox_full\"} 2.0",
            "chorus_slow_consumers_evicted_total{reason=\"write_timeout\"} 5.0 1733540000000",
            "");

    @Test
    void aGaugeReadsItsValue() {
        assertEquals(OptionalDouble.of(3), PrometheusText.sum(SCRAPE, "chorus_connections_open"));
    }

    @Test
    void aMetricWithLabelsReadsTheSumOfItsSamplesTimestampsIgnored() {
        assertEquals(OptionalDouble.of(7), PrometheusText.sum(SCRAPE, "chorus_slow_consumers_evicted_total"));
    }

    @Test
    void aMetricTheServerDoesNotExportReadsEmptyNotZero() {
        assertEquals(OptionalDouble.empty(), PrometheusText.sum(SCRAPE, "chorus_handshakes_pending"));
    }

    @Test
    void aMetricThatOnlyAppearsInCommentsReadsEmpty() {
        assertEquals(
                OptionalDouble.empty(),
                PrometheusText.sum(
                        "# HELP chorus_closes_pending x\n# TYPE chorus_closes_pending gauge\n",
                        "chorus_closes_pending"));
    }
}
