package dev.chorus.containers;

/** The per-address connection cap of the WAR on a managed Payara Server 6. */
class CapsOnPayaraIT extends DeployedWarCaps {}
