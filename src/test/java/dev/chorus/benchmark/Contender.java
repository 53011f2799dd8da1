package dev.chorus.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One column of the report: a label, how its server is started (shown in the report's header), and what starts
 * a fresh one for a run.
 */
record Contender(String label, String shown, Starter starter) {

    /** Starts a server for one run; its output (if it is ours) goes to files named after {@code log}. */
    interface Starter {
        Server start(Path log) throws IOException;
    }

    static Contender process(String label, List<String> command) {
        return new Contender(label, "`" + ServerProcess.shown(command) + "`", log -> ServerProcess.start(command, log));
    }

    static Contender running(String label, Server server) {
        return new Contender(label, "already running at " + server.uri(), log -> server);
    }

    /** A server for one run; its output (if it is ours) goes to {@code log}. */
    Server start(Path log) throws IOException {
        return starter.start(log);
    }
}
