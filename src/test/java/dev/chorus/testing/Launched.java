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

    public Launched(Map<Setting, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = TestServers.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/}. */
    public URI uri() {
        return server.uri();
    }

    public ChorusServer server() {
        return server;
    }
}
