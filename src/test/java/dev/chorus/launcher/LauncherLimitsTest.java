package dev.chorus.launcher;

import dev.chorus.contract.LimitsContract;
import dev.chorus.testing.TestServers;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The limits contract against the real launcher with its default settings. */
class LauncherLimitsTest implements LimitsContract {

    private static ChorusServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    public URI chatUri() {
        return server.uri();
    }
}
