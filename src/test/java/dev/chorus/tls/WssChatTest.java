package dev.chorus.tls;

import dev.chorus.contract.ChatContract;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.TestCertificates;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.TestTrust;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole chat contract over wss:// — the same code as ws:// — on a launcher given its identity both ways a
 * user can: a PKCS12 keystore, and a PEM certificate with its PEM key. The test makes both.
 */
@ParameterizedClass(name = "with {0}")
@EnumSource(WssChatTest.Identity.class)
class WssChatTest implements ChatContract {

    /** How the launcher is given its key and certificate. */
    enum Identity {
        KEYSTORE {
            @Override
            Map<Setting, String> settings(TestCertificates files) {
                return files.keystoreSettings();
            }
        },
        PEM_PAIR {
            @Override
            Map<Setting, String> settings(TestCertificates files) {
                return files.pemSettings();
            }
        };

        abstract Map<Setting, String> settings(TestCertificates files);
    }

    @TempDir
    static Path directory;

    /** This invocation's identity: the launcher below is started with it. */
    @Parameter
    Identity identity;

    private static ChorusServer server;

    @BeforeParameterizedClassInvocation
    static void start(Identity identity) throws Exception {
        TestCertificates files =
                TestCertificates.create(directory, identity.name().toLowerCase(Locale.ROOT));
        TestTrust.install(files);
        server = TestServers.start(identity.settings(files));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
        TestTrust.reset();
    }

    @Override
    public URI chatUri() {
        return server.uri();
    }
}
