package dev.chorus.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One column of the report: a label, how its server is started (shown in the report's header), what starts a
 * fresh one for a run, and the dialects it speaks.
 */
record Contender(String label, String shown, Starter starter, Set<Dialect> dialects) {

    /** Starts a server for one run; its output (if it is ours) goes to files named after {@code log}. */
    interface Starter {
        Server start(Path log) throws IOException;
    }

    static Contender process(String label, List<String> command, Set<Dialect> dialects) {
        return new Contender(
                label,
                "`" + ServerProcess.shown(command) + "`",
                log -> ServerProcess.start(command, log),
                Set.copyOf(dialects));
    }

    /** A server the user runs: taken to speak every dialect (the room check fails clearly if it does not). */
    static Contender running(String label, Server server) {
        return new Contender(label, "already running at " + server.uri(), log -> server, EnumSet.allOf(Dialect.class));
    }

    boolean speaks(Dialect dialect) {
        return dialects.contains(dialect);
    }

    /** A server for one run; its output (if it is ours) goes to {@code log}. */
    Server start(Path log) throws IOException {
        return starter.start(log);
    }
}
