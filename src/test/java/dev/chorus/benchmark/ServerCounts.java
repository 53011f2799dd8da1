package dev.chorus.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the churn soak counts on the server at one moment: its open file descriptors and threads (from /proc), and
 * the gauges it exports on its metrics path. A value the server does not show is empty.
 *
 * @param files the open file descriptors by {@link OpenFiles#kind}, read right after {@code fds}
 * @param handshakesPending connections whose handshake deadline is armed ({@code chorus_handshakes_pending})
 * @param closesPending connections whose close deadline is armed ({@code chorus_closes_pending})
 * @param evicted slow consumers evicted so far ({@code chorus_slow_consumers_evicted_total}, all reasons)
 */
record ServerCounts(
        OptionalDouble fds,
        Map<String, Long> files,
        OptionalDouble threads,
        OptionalDouble open,
        OptionalDouble handshakesPending,
        OptionalDouble closesPending,
        OptionalDouble evicted) {

    static final String METRICS_PATH = "/metrics";
    private static final int TIMEOUT_MILLIS = 10_000;

    /**
     * Counts now: /proc first, then one scrape of the metrics on its own connection, which the server closes
     * (so it is gone from the fd count by the next snapshot, and counted in the handshake gauge alike each time).
     */
    static ServerCounts of(Server server) {
        OptionalDouble fds = decimal(server.openFiles());
        Map<String, Long> files = server.openFileKinds();
        OptionalDouble threads = decimal(server.threads());
        String metrics = scrape(server.uri());
        return new ServerCounts(
                fds,
                files,
                threads,
                PrometheusText.sum(metrics, "chorus_connections_open"),
                PrometheusText.sum(metrics, "chorus_handshakes_pending"),
                PrometheusText.sum(metrics, "chorus_closes_pending"),
                PrometheusText.sum(metrics, "chorus_slow_consumers_evicted_total"));
    }

    /** Whether the counts that must come back exactly have, and the threads are within {@code threadMargin}. */
    boolean settledAt(ServerCounts baseline, double threadMargin) {
        return fds.equals(baseline.fds)
                && open.equals(baseline.open)
                && handshakesPending.equals(baseline.handshakesPending)
                && closesPending.equals(baseline.closesPending)
                && (threads.isEmpty()
                        || baseline.threads.isEmpty()
                        || Math.abs(threads.getAsDouble() - baseline.threads.getAsDouble()) <= threadMargin);
    }

    private static OptionalDouble decimal(OptionalLong value) {
        return value.isPresent() ? OptionalDouble.of(value.getAsLong()) : OptionalDouble.empty();
    }

    /** The metrics text, over HTTP/1.1 with {@code Connection: close}; empty if the server does not serve it. */
    static String scrape(URI chat) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(chat.getHost(), chat.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + METRICS_PATH + " HTTP/1.1\r\nHost: " + chat.getHost() + ":" + chat.getPort()
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            return response.startsWith("HTTP/1.1 200") && body >= 0 ? response.substring(body + 4) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
