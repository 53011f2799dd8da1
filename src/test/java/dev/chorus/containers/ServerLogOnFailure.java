package dev.chorus.containers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Adds the end of the container's log to a failing test's error, so a failure seen only in CI's console (where
 * the server's own log is gone with the machine) shows what the server did meanwhile: Chorus's lines and the
 * container's warnings and errors, not its start-up chatter.
 */
final class ServerLogOnFailure implements TestExecutionExceptionHandler {

    /** Read from the end of the log: more than a test of a few seconds leaves. */
    private static final int TAIL_BYTES = 64 * 1024;
    /** The most lines shown. */
    private static final int SHOWN = 80;
    /** What a line worth showing mentions (its record's header, on Payara, is followed by indented text). */
    private static final Pattern WORTH_SHOWING =
            Pattern.compile("chorus|Client\\(|SEVERE|ERROR|WARN|tyrus|undertow|websocket", Pattern.CASE_INSENSITIVE);

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            Path log = ServerConsole.ofThisRun().serverLog();
            failure.addSuppressed(new ServerLog(log + ", what matters of its end:\n" + worthShowing(tail(log))));
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(new ServerLog("no container log to show: " + e));
        }
        throw failure;
    }

    private static String worthShowing(String tail) {
        List<String> shown = new ArrayList<>();
        boolean previousShown = false;
        for (String line : tail.split("\n")) {
            previousShown = WORTH_SHOWING.matcher(line).find() || (previousShown && line.startsWith("  "));
            if (previousShown) {
                shown.add(line);
            }
        }
        return String.join("\n", shown.subList(Math.max(0, shown.size() - SHOWN), shown.size()));
    }

    private static String tail(Path log) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long start = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The log's text, carried as a suppressed exception of the failure: no stack trace of its own. */
    private static final class ServerLog extends Exception {
        private static final long serialVersionUID = 1L;

        ServerLog(String text) {
            super(text, null, false, false);
        }
    }
}
