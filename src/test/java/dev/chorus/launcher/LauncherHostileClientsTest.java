package dev.chorus.launcher;

import dev.chorus.contract.HostileClientsContract;
import dev.chorus.testing.Launched;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hostile-clients contract against the real launcher with its default settings. */
class LauncherHostileClientsTest implements HostileClientsContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Override
    public URI metricsUri() {
        return LAUNCHER.server().pageUri().resolve("/metrics");
    }
}
