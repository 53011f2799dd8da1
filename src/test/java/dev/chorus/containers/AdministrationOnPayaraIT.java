package dev.chorus.containers;

/** The admin endpoints, maintenance mode and the stop of the WAR on a managed Payara Server 6. */
class AdministrationOnPayaraIT extends DeployedWarAdministration {}
