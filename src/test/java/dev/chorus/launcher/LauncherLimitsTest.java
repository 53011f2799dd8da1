package dev.chorus.launcher;

import dev.chorus.contract.LimitsContract;
import dev.chorus.testing.Launched;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limits contract against the real launcher with its default settings. */
class LauncherLimitsTest implements LimitsContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }
}
