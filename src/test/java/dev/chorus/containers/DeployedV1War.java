package dev.chorus.containers;

import dev.chorus.contract.ProtocolContract;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chorus.v1 contract against the WAR the build made, deployed as-is like {@link DeployedWar} (context path
 * {@code /chorus}, default settings, so the history keeps 100). Subclasses only name the container.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedV1War implements ProtocolContract {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive builtWar() {
        return DeployedWar.builtWar();
    }

    @Override
    public URI chatUri() {
        return URI.create(base.toString().replaceFirst("^http", "ws"));
    }
}
