package dev.chorus.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The churn soak's picture of the server at one moment: its live heap after a full collection, then its counts
 * (after the collection, so the jcmd that ran it is in every picture alike).
 */
record Snapshot(OptionalLong heapKib, ServerCounts counts) {

    static Snapshot of(Server server) {
        OptionalLong heap = server.liveHeapKib();
        return new Snapshot(heap, ServerCounts.of(server));
    }

    /** One PASS/FAIL row per item, {@code later} against this baseline, each row's name after {@code when}. */
    List<Figure> against(Snapshot later, String when) {
        ServerCounts after = later.counts;
        List<Check> checks = List.of(
                new Check("open fds", 0, "%.0f", counts.fds(), after.fds()),
                new Check("threads", ChurnWorkload.THREAD_MARGIN, "%.0f", counts.threads(), after.threads()),
                new Check(
                        "live heap after a full GC",
                        ChurnWorkload.HEAP_MARGIN_MIB,
                        "%.1f MiB",
                        mib(heapKib),
                        mib(later.heapKib)),
                new Check("chorus_connections_open", 0, "%.0f", counts.open(), after.open()),
                new Check(
                        "chorus_handshakes_pending", 0, "%.0f", counts.handshakesPending(), after.handshakesPending()),
                new Check("chorus_closes_pending", 0, "%.0f", counts.closesPending(), after.closesPending()));
        List<Figure> figures = new ArrayList<>(List.of(Figure.text(when + "verdict", verdict(checks))));
        checks.forEach(check -> figures.add(check.figure(when)));
        String change = OpenFiles.change(counts.files(), after.files());
        figures.add(Figure.text(when + "open fds that did not come back, by kind", change.isEmpty() ? "none" : change));
        return figures;
    }

    /** {@code PASS}, or {@code FAIL: open fds, live heap}; the items the server does not show are named too. */
    static String verdict(List<Check> checks) {
        String failed = checks.stream()
                .filter(check -> check.known() && !check.passes())
                .map(Check::item)
                .collect(Collectors.joining(", "));
        String unknown =
                checks.stream().filter(check -> !check.known()).map(Check::item).collect(Collectors.joining(", "));
        return (failed.isEmpty() ? "PASS" : "FAIL: " + failed) + (unknown.isEmpty() ? "" : " (n/a: " + unknown + ")");
    }

    private static OptionalDouble mib(OptionalLong kib) {
        return kib.isPresent() ? OptionalDouble.of(kib.getAsLong() / 1024.0) : OptionalDouble.empty();
    }
}
