package dev.chorus.containers;

/** The chat contract on a managed WildFly (Undertow inside). */
class ChatOnWildFlyIT extends DeployedWar {}
