package dev.chorus.containers;

import dev.chorus.contract.ProtocolContract;

/**
 * The chorus.v1 contract against the WAR the build made, deployed as-is by {@link DeployedWar} (context path
 * {@code /chorus}, default settings, so the history keeps 100). Subclasses only name the container.
 */
abstract class DeployedV1War extends DeployedWar implements ProtocolContract {}
