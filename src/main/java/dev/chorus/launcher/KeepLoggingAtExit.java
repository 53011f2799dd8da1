package dev.chorus.launcher;

import java.util.logging.LogManager;

/**
 * JUL's log manager, except that JUL's own shutdown hook no longer closes the handlers. That hook runs
 * alongside the launcher's stop hook, so it silenced everything the stop logged (the drain, "Chorus
 * stopped"). The stop hook flushes the handlers itself before it halts.
 */
public final class KeepLoggingAtExit extends LogManager {

    /** The class of JUL's shutdown hook thread. */
    private static final String CLEANER = LogManager.class.getName() + "$Cleaner";

    public KeepLoggingAtExit() {
        super();
    }

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().equals(CLEANER)) {
            return;
        }
        super.reset();
    }
}
