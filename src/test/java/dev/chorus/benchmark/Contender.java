package dev.chorus.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One column of the report: a label, the command that starts a fresh server of that kind (empty for a server
 * the user runs, given by --url), and the dialects it speaks.
 */
record Contender(String label, List<String> command, Server external, Set<Dialect> dialects) {

    static Contender process(String label, List<String> command, Set<Dialect> dialects) {
        return new Contender(label, List.copyOf(command), null, Set.copyOf(dialects));
    }

    /** A server the user runs: taken to speak every dialect (the room check fails clearly if it does not). */
    static Contender running(String label, Server server) {
        return new Contender(label, List.of(), server, EnumSet.allOf(Dialect.class));
    }

    boolean speaks(Dialect dialect) {
        return dialects.contains(dialect);
    }

    /** A server for one run; its output (if it is ours) goes to {@code log}. */
    Server start(Path log) throws IOException {
        return external != null ? external : ServerProcess.start(command, log);
    }

    /** How it is started, for the report's header. */
    String shown() {
        return external != null ? "already running at " + external.uri() : "`" + ServerProcess.shown(command) + "`";
    }
}
