package dev.chorus.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One column of the report: a label, how its server is started (shown in the report's header), what starts a
 * fresh one for a run, the dialects it speaks, and whether it is Chorus (has Chorus's settings and metrics).
 */
record Contender(String label, String shown, Starter starter, Set<Dialect> dialects, boolean chorus) {

    /**
     * Starts a server for one run with {@code settings} over the run's own (ignored by a server the user runs);
     * its output (if it is ours) goes to files named after {@code log}.
     */
    interface Starter {
        Server start(Path log, Map<String, String> settings) throws IOException;
    }

    /** A process run by {@code command}, given the settings a workload adds (none for the header). */
    static Contender process(
            String label, Function<Map<String, String>, List<String>> command, Set<Dialect> dialects, boolean chorus) {
        return new Contender(
                label,
                "`" + ServerProcess.shown(command.apply(Map.of())) + "`",
                (log, settings) -> ServerProcess.start(command.apply(settings), log),
                Set.copyOf(dialects),
                chorus);
    }

    /** A server the user runs: taken to be Chorus and to speak every dialect (the room check fails clearly if not). */
    static Contender running(String label, Server server) {
        return new Contender(
                label,
                "already running at " + server.uri(),
                (log, settings) -> server,
                EnumSet.allOf(Dialect.class),
                true);
    }

    boolean speaks(Dialect dialect) {
        return dialects.contains(dialect);
    }

    /** A server for one run with {@code settings} added; its output (if it is ours) goes to {@code log}. */
    Server start(Path log, Map<String, String> settings) throws IOException {
        return starter.start(log, settings);
    }
}
