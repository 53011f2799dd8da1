package dev.chorus.containers;

import dev.chorus.contract.HostileClientsContract;
import java.net.URI;

/** The hostile-clients contract on a managed Payara Server 6 (Tyrus inside; the WAR as built, default settings). */
class HostileClientsOnPayaraIT extends DeployedWar implements HostileClientsContract {

    @Override
    public URI metricsUri() {
        return at("metrics");
    }
}
