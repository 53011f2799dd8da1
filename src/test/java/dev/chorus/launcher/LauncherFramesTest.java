package dev.chorus.launcher;

import dev.chorus.contract.FramesContract;
import dev.chorus.testing.TestServers;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** RFC 6455's framing rules on the launcher. */
class LauncherFramesTest implements FramesContract {

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
