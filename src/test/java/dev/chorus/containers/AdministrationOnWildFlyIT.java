package dev.chorus.containers;

/** The admin endpoints, maintenance mode and the stop of the WAR on a managed WildFly. */
class AdministrationOnWildFlyIT extends DeployedWarAdministration {}
