package dev.chorus.benchmark;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * Serves {@link NaiveEndpoint} on 127.0.0.1 and a free port, on the launcher's own Grizzly listener (Tyrus's
 * {@code Server} would bind 0.0.0.0), until SIGTERM. Logs {@code Naive baseline listening on ws://...} on
 * stderr. The benchmark starts it as a child process with its own class path.
 */
public final class NaiveServer {

    private NaiveServer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        quietLogging();
        // Loopback and a free port always; every other launcher setting as Chorus gets it (-Dchorus.NAME=VALUE).
        Settings settings = Settings.from(setting -> switch (setting) {
            case HOST -> "127.0.0.1";
            case PORT -> "0";
            default -> setting.fromEnvironment();
        });
        ChorusServer server = ChorusServer.start(settings, NaiveEndpoint.class);
        System.err.println("Naive baseline listening on " + server.uri());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "naive-stop"));
        new CountDownLatch(1).await();
    }

    /** The launcher's logging levels and format, so Grizzly and Tyrus log as little here as under Chorus. */
    private static void quietLogging() throws IOException {
        try (InputStream in = ChorusServer.class.getResourceAsStream("/dev/chorus/launcher/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        }
    }
}
