package dev.chorus.containers;

import dev.chorus.contract.ClosesContract;

/** The closes contract on a managed WildFly: Undertow's channel is closed at the close timeout. */
class ClosesOnWildFlyIT extends DeployedWar implements ClosesContract {}
