package dev.chorus.containers;

/** Metrics and health of the WAR on a managed WildFly. */
class OperationsOnWildFlyIT extends DeployedWarOperations {}
