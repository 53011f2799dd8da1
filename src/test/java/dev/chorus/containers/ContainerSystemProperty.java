package dev.chorus.containers;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server system property for one test class of a deployed WAR, set as an operator would and read by the
 * application when it restarts: {@code @RegisterExtension static final ContainerSystemProperty TOKEN = new
 * ContainerSystemProperty("chorus.admin-token", "…");}. It runs after Arquillian has deployed the WAR (field
 * extensions come after {@code @ExtendWith}), and removes the property before Arquillian undeploys it, so the
 * next deployment, in the next test class, reads the defaults.
 */
final class ContainerSystemProperty implements BeforeAllCallback, AfterAllCallback {

    private final ServerConsole console = ServerConsole.ofThisRun();
    private final String name;
    private final String value;

    ContainerSystemProperty(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        console.setSystemProperty(name, value);
        console.restartApplication();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        console.removeSystemProperty(name);
    }

    /** The console it uses, for a test that switches the application off and on itself. */
    ServerConsole console() {
        return console;
    }
}
