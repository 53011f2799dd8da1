package dev.chorus.benchmark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** The outcome of one batch of handshakes: the open connections, the failures by reason, how long it took. */
final class Connections implements AutoCloseable {

    private final int attempted;
    private final long started = System.nanoTime();
    private final List<Receiver> open = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile long elapsedNanos = -1;

    Connections(int attempted) {
        this.attempted = attempted;
    }

    void opened(Receiver receiver) {
        open.add(receiver);
    }

    void failed(String reason) {
        failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** Marks the end of the batch (all settled, or the time limit). */
    void finished() {
        elapsedNanos = System.nanoTime() - started;
    }

    List<Receiver> open() {
        return List.copyOf(open);
    }

    int openCount() {
        return open.size();
    }

    long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Handshakes neither opened nor failed when the time limit passed. */
    long unfinished() {
        return attempted - openCount() - failureCount();
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    /** E.g. {@code 12× HttpConnectTimeoutException: HTTP connect timed out}; empty when none failed. */
    String failureReasons() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(failures).forEach((why, count) -> {
            text.append(text.length() == 0 ? "" : "; ")
                    .append(count.sum())
                    .append("× ")
                    .append(why);
        });
        return text.toString();
    }

    /** Drops every connection at once (no close handshake): the run is over and the server is stopped next. */
    @Override
    public void close() {
        for (Receiver receiver : open) {
            if (receiver.socket() != null) {
                receiver.socket().abort();
            }
        }
    }
}
