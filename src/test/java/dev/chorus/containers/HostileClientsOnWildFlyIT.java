package dev.chorus.containers;

import dev.chorus.contract.HostileClientsContract;
import java.net.URI;

/** The hostile-clients contract on a managed WildFly (Undertow inside; the WAR as built, default settings). */
class HostileClientsOnWildFlyIT extends DeployedWar implements HostileClientsContract {

    @Override
    public URI metricsUri() {
        return at("metrics");
    }
}
