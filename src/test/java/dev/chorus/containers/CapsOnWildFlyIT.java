package dev.chorus.containers;

/** The per-address connection cap of the WAR on a managed WildFly. */
class CapsOnWildFlyIT extends DeployedWarCaps {}
