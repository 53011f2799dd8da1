/**
 * Chorus's metrics with Micrometer, exported in the Prometheus text format: connections, messages and bytes
 * by type, broadcast fan-out latency, outbox depth, slow-consumer evictions, heartbeats and closes by code.
 * This package is the one place the names live: {@link dev.chorus.metrics.ChatMetrics}, one per room, hears the
 * core through its plain-Java listener interfaces and keeps the families by concern (admission, delivery, the
 * bus). {@link dev.chorus.metrics.MetricsEndpoint} serves them over HTTP.
 */
package dev.chorus.metrics;
