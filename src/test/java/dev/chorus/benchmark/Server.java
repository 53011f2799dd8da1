package dev.chorus.benchmark;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** A server under test: where to connect, and what can be observed of it (nothing, when it is not ours). */
interface Server extends AutoCloseable {

    URI uri();

    /**
     * Where clients connect: one URI, or one per node of a cluster (a room is then spread over them, in order).
     * {@link #uri} is the first.
     */
    default List<URI> uris() {
        return List.of(uri());
    }

    /** Resident memory in KiB, if the process is ours to look at. */
    OptionalLong rssKib();

    /**
     * The heap the server's JVM keeps alive, in KiB: what {@code jcmd PID GC.heap_info} calls used right after a
     * full collection ({@code jcmd PID GC.run}), so garbage does not count. Empty when the process is not ours.
     * The collection may shrink the heap: take any RSS figure before this.
     */
    default OptionalLong liveHeapKib() {
        return OptionalLong.empty();
    }

    /**
     * Writes the server's heap histogram by class ({@code jcmd PID GC.class_histogram}, which collects first) next
     * to its log, in a file named with {@code tag} (e.g. {@code idle}), and returns the file; empty when the
     * process is not ours or not a JVM.
     */
    default Optional<java.nio.file.Path> saveHeapHistogram(String tag) {
        return Optional.empty();
    }

    /** Open file descriptors of the server process (sockets included), if the process is ours to look at. */
    default OptionalLong openFiles() {
        return OptionalLong.empty();
    }

    /** Its open file descriptors by {@link OpenFiles#kind}, if the process is ours to look at; else empty. */
    default Map<String, Long> openFileKinds() {
        return Map.of();
    }

    /** Threads of the server process, if the process is ours to look at. */
    default OptionalLong threads() {
        return OptionalLong.empty();
    }

    /** CPU time used so far (user + system) in core-seconds, if the process is ours to look at. */
    OptionalDouble cpuSeconds();

    /** The first log line matching {@code pattern} and when it was seen; empty if never (or not ours). */
    Optional<LogLine> logSeen(Pattern pattern);

    /**
     * A line of the server's log.
     *
     * @param at when the benchmark read it, as {@link System#nanoTime}
     */
    record LogLine(long at, String text) {}

    /** Starts noting when log lines matching {@code pattern} appear; call before they can appear. */
    void watchLog(Pattern pattern);

    @Override
    void close();
}
