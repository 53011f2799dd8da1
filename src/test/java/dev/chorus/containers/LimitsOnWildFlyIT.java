package dev.chorus.containers;

import dev.chorus.contract.LimitsContract;

/** The limits contract on a managed WildFly (Undertow inside). */
class LimitsOnWildFlyIT extends DeployedWar implements LimitsContract {}
