package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One kind of log line at most once per {@link #INTERVAL_NANOS}: a failure that repeats with every message (Redis
 * refusing every write) gives one line per interval, which says how many like it were left out since the last.
 */
public final class ThrottledLog {

    /** 30 s: often enough to see that it goes on, rarely enough that a log survives a long one. */
    static final long INTERVAL_NANOS = 30_000_000_000L;

    private final System.Logger log;
    private final Level level;
    private final LongSupplier nanoTime;
    private long lastNanos; // guarded by this
    private boolean logged; // guarded by this
    private long suppressed; // guarded by this

    public ThrottledLog(System.Logger log, Level level) {
        this(log, level, System::nanoTime);
    }

    /** With another clock: tests move it on instead of waiting. */
    ThrottledLog(System.Logger log, Level level, LongSupplier nanoTime) {
        this.log = log;
        this.level = level;
        this.nanoTime = nanoTime;
    }

    /** Logs {@code line} (with {@code thrown}'s stack if given) unless a line went out within the interval. */
    public void log(Supplier<String> line, Throwable thrown) {
        long left;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (logged && now - lastNanos < INTERVAL_NANOS) {
                suppressed++;
                return;
            }
            left = suppressed;
            logged = true;
            lastNanos = now;
            suppressed = 0;
        }
        String text = left == 0 ? line.get() : line.get() + " (" + left + " more like it in the last 30 s)";
        if (thrown == null) {
            log.log(level, text);
        } else {
            log.log(level, text, thrown);
        }
    }
}
