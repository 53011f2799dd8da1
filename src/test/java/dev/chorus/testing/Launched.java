package dev.chorus.testing;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real launcher for one test class (127.0.0.1, a free port), started before its tests and stopped after:
 * {@code @RegisterExtension static final Launched LAUNCHER = new Launched(Map.of(...));}
 */
public final class Launched implements BeforeAllCallback, AfterAllCallback {

    private final Map<Setting, String> settings;
    private ChorusServer server;
    /** The test class that started it: a @Nested class inherits the extension and must neither start nor stop it. */
    private String startedBy;

    public Launched(Map<Setting, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (server == null) {
            server = TestServers.start(settings);
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            server.close();
            server = null;
        }
    }

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/}. */
    public URI uri() {
        return server.uri();
    }

    public ChorusServer server() {
        return server;
    }
}
