/**
 * Chorus's metrics with Micrometer, exported in the Prometheus text format: connections, messages and bytes
 * by type, broadcast fan-out latency, outbox depth, slow-consumer evictions, heartbeats and closes by code.
 * {@link dev.chorus.metrics.ChatMetrics} is the one place the names live; it hears the core through its
 * plain-Java listener interfaces. {@link dev.chorus.metrics.MetricsEndpoint} serves them over HTTP.
 */
package dev.chorus.metrics;
