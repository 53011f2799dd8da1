package dev.chorus.benchmark;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * CPU and memory at one moment: the server's (from /proc) and this load generator's own, so a phase's cost is
 * the difference of two snapshots, and a generator near a full core shows when it may be the bottleneck.
 */
record Usage(long at, OptionalDouble serverCpu, double generatorCpu, OptionalLong serverRssKib) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static Usage of(Server server) {
        return new Usage(System.nanoTime(), server.cpuSeconds(), OS.getProcessCpuTime() / 1e9, server.rssKib());
    }

    /** Server core-seconds used since {@code earlier}. */
    OptionalDouble serverCpuSince(Usage earlier) {
        if (serverCpu.isEmpty() || earlier.serverCpu.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(serverCpu.getAsDouble() - earlier.serverCpu.getAsDouble());
    }

    /** Generator core-seconds used since {@code earlier}. */
    double generatorCpuSince(Usage earlier) {
        return generatorCpu - earlier.generatorCpu;
    }

    /** Server RSS growth since {@code earlier}, in KiB. */
    OptionalLong rssGrowthSince(Usage earlier) {
        return growth(earlier.serverRssKib, serverRssKib);
    }

    /** {@code later - earlier}, if both are known. */
    static OptionalLong growth(OptionalLong earlier, OptionalLong later) {
        return earlier.isPresent() && later.isPresent()
                ? OptionalLong.of(later.getAsLong() - earlier.getAsLong())
                : OptionalLong.empty();
    }

    /**
     * The CPU rows every workload reports, for the span since {@code earlier}, and the machine's load then: on
     * a shared machine a high load means the figures measure the contention as much as the server.
     */
    List<Figure> cpuFigures(Usage earlier) {
        return List.of(
                Figure.number("server CPU (core-s)", serverCpuSince(earlier), "%.2f"),
                Figure.number("load generator CPU (core-s)", generatorCpuSince(earlier), "%.2f"),
                Figure.text(
                        "machine load average (1 min, at the end)",
                        String.format(Locale.ROOT, "%.1f", OS.getSystemLoadAverage())));
    }
}
