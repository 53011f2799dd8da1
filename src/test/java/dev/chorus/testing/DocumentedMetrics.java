package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The metrics docs/operations.md's table documents, as the start of a sample line each must show, for the launcher
 * and the WAR alike. {@code chorus_closes_total} has samples only once a connection has closed, and
 * {@code chorus_connections_rejected_total{reason="http-…"}} only once an upgrade was refused, so a check
 * lets a client join and leave first, and leaves the latter out.
 */
public final class DocumentedMetrics {

    public static final List<String> SAMPLES = List.of(
            "chorus_connections_open",
            "chorus_connections_accepted_total",
            "chorus_connections_rejected_total{reason=\"maintenance\"}",
            "chorus_connections_rejected_total{reason=\"draining\"}",
            "chorus_connections_rejected_total{reason=\"bus-down\"}",
            "chorus_messages_received_total{type=\"text\"}",
            "chorus_messages_received_total{type=\"binary\"}",
            "chorus_received_bytes_total{type=\"text\"}",
            "chorus_received_bytes_total{type=\"binary\"}",
            "chorus_messages_sent_total{type=\"text\"}",
            "chorus_messages_sent_total{type=\"binary\"}",
            "chorus_sent_bytes_total{type=\"text\"}",
            "chorus_sent_bytes_total{type=\"binary\"}",
            "chorus_broadcast_fanout_seconds_bucket{le=",
            "chorus_broadcast_fanout_seconds_count",
            "chorus_broadcast_fanout_seconds_sum",
            "chorus_broadcast_fanout_seconds_max",
            "chorus_outbox_queued_messages",
            "chorus_outbox_queued_bytes",
            "chorus_slow_consumers_evicted_total{reason=\"outbox_overflow\"}",
            "chorus_slow_consumers_evicted_total{reason=\"write_timeout\"}",
            "chorus_limits_crossed_total{reason=\"message-too-big\"}",
            "chorus_limits_crossed_total{reason=\"too-many-fragments\"}",
            "chorus_limits_crossed_total{reason=\"rate-limit-exceeded\"}",
            "chorus_limits_crossed_total{reason=\"byte-rate-limit-exceeded\"}",
            "chorus_pings_sent_total",
            "chorus_pongs_missed_total",
            "chorus_closes_total{code=",
            "chorus_bus_published_total",
            "chorus_bus_received_total",
            "chorus_bus_lag_seconds_bucket{le=",
            "chorus_bus_lag_seconds_count",
            "chorus_bus_reconnects_total",
            "chorus_bus_reachable",
            "chorus_bus_errors_total{kind=\"connection\"}",
            "chorus_bus_errors_total{kind=\"command\"}",
            "chorus_bus_reader_restarts_total",
            "chorus_bus_backlog_full_total",
            "chorus_build_info{version=",
            "jvm_memory_used_bytes{",
            "jvm_gc_max_data_size_bytes",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "jvm_info{",
            "process_cpu_usage",
            "system_cpu_count",
            "process_files_open_files",
            "process_uptime_seconds");

    private DocumentedMetrics() {}

    /** Fails, naming every sample missing, unless {@code scrape} shows them all. */
    public static void assertAllIn(Scrape scrape) {
        List<String> missing = SAMPLES.stream()
                .filter(sample -> !scrape.text().contains("\n" + sample))
                .toList();
        assertTrue(missing.isEmpty(), () -> "missing " + missing + " from:\n" + scrape.text());
    }
}
