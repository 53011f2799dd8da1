package dev.chorus.containers;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR the build made, deployed as-is (so its context path is {@code /chorus}), for a contract to run
 * against. Subclasses name the container and the contract, so the reports say which ran where.
 */
@ExtendWith({ArquillianExtension.class, ServerLogOnFailure.class})
abstract class DeployedWar {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive builtWar() {
        File war = new File(System.getProperty("chorus.war", "target/chorus.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /**
     * The chat socket of the deployed WAR, on 127.0.0.1 as the conventions ask: Arquillian reports
     * {@code localhost} on Payara (WildFly already says 127.0.0.1), and Payara listens on loopback IPv4 only.
     */
    public URI chatUri() {
        return URI.create("ws://127.0.0.1:" + base.getPort() + base.getPath());
    }

    /** {@code path} under the WAR's context path, e.g. {@code metrics} for {@code /chorus/metrics}. */
    URI at(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
