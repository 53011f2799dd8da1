package dev.chorus.containers;

/** Metrics and health of the WAR on a managed Payara Server 6. */
class OperationsOnPayaraIT extends DeployedWarOperations {}
