package dev.chorus.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One column of the report: a label, and the command that starts a fresh server of that kind (empty for a
 * server the user runs, given by --url).
 */
record Contender(String label, List<String> command, Server external) {

    static Contender process(String label, List<String> command) {
        return new Contender(label, List.copyOf(command), null);
    }

    static Contender running(String label, Server server) {
        return new Contender(label, List.of(), server);
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
