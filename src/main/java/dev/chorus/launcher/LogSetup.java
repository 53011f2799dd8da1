package dev.chorus.launcher;

import dev.chorus.settings.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The launcher's logging: the bundled one-line format unless the user names a JUL configuration file. */
final class LogSetup {

    private static final String BUNDLED = "/dev/chorus/launcher/logging.properties";
    private static final String MANAGER = "java.util.logging.manager";

    private LogSetup() {}

    /**
     * Makes JUL use {@link KeepLoggingAtExit}, unless the user chose a manager. JUL reads this once, when it
     * first needs its manager, so this runs before the launcher creates any logger.
     */
    static void chooseManager() {
        if (System.getProperty(MANAGER) == null) {
            System.setProperty(MANAGER, KeepLoggingAtExit.class.getName());
        }
    }

    static void apply() {
        if (userConfigured()) {
            return;
        }
        try (InputStream in = LogSetup.class.getResourceAsStream(BUNDLED)) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled " + BUNDLED, e);
        }
    }

    /**
     * With {@code json}, every console handler writes one JSON object per line ({@link JsonLineFormatter});
     * a JUL configuration of the user's own is left as it is.
     */
    static void useFormat(LogFormat format) {
        if (format != LogFormat.JSON || userConfigured()) {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new JsonLineFormatter());
        }
    }

    private static boolean userConfigured() {
        return System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null;
    }

    /** Pushes out buffered log lines; the shutdown path halts the JVM without JUL's own cleanup. */
    static void flush() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }
}
