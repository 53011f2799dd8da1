package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures the server's log lines (logger {@code dev.chorus}, or another one's and those below it) in-process
 * during each test, so a test can await lines. Every await looks at all lines logged since the test began.
 */
public final class LogRecords implements BeforeEachCallback, AfterEachCallback {

    private static final int SHOWN_LINES = 15;
    private static final int SHOWN_CHARACTERS = 120;

    private final Logger logger;
    private final List<String> lines = new ArrayList<>();
    private final List<String> complete = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String line = formatter.formatMessage(record);
            synchronized (lines) {
                lines.add(line);
                // With its exception, if any: what a log file would show of it.
                complete.add(record.getThrown() == null ? line : line + " " + record.getThrown());
                lines.notifyAll();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    /** Chorus's own lines: logger {@code dev.chorus} and below. */
    public LogRecords() {
        this("dev.chorus");
    }

    /** The lines of logger {@code name} and below ({@code ""}: every logger's). */
    public LogRecords(String name) {
        this.logger = Logger.getLogger(name);
    }

    /** Every line captured since the test began, each with its exception's text if it has one. */
    public List<String> all() {
        synchronized (lines) {
            return List.copyOf(complete);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (lines) {
            lines.clear();
            complete.clear();
        }
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
    }

    /** Waits (bounded) for a log line equal to {@code expected}. */
    public void await(String expected) throws InterruptedException {
        awaitMatching(Pattern.compile("^" + Pattern.quote(expected) + "$"), 1);
    }

    /** Waits (bounded) until {@code count} lines matching {@code pattern} have been logged; returns them. */
    public List<String> awaitMatching(Pattern pattern, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        synchronized (lines) {
            while (true) {
                List<String> matching =
                        lines.stream().filter(l -> pattern.matcher(l).find()).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail(count + " log lines matching " + pattern + " expected within " + Peer.WAIT.toSeconds() + " s, "
                            + matching.size() + " seen; last lines: " + lastLines());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    private List<String> lastLines() {
        return lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size()).stream()
                .map(l -> l.length() > SHOWN_CHARACTERS ? l.substring(0, SHOWN_CHARACTERS) + "…" : l)
                .toList();
    }
}
