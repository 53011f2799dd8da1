package dev.chorus.launcher;

import dev.chorus.contract.FramesContract;
import dev.chorus.testing.Launched;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 6455's framing rules on the launcher. */
class LauncherFramesTest implements FramesContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }
}
