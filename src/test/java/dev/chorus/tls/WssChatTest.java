package dev.chorus.tls;

import dev.chorus.contract.ChatContract;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.TestCertificates;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.TestTrust;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The whole chat contract over wss:// (the launcher with a keystore the test makes); the same code as ws://. */
class WssChatTest implements ChatContract {

    @TempDir
    static Path directory;

    private static ChorusServer server;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates identity = TestCertificates.create(directory, "server");
        TestTrust.install(identity);
        server = TestServers.start(Map.of(
                Setting.KEYSTORE,
                identity.keystore().toString(),
                Setting.KEYSTORE_PASSWORD,
                TestCertificates.PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
        TestTrust.reset();
    }

    @Override
    public URI chatUri() {
        return server.uri();
    }
}
