package dev.chorus.containers;

/** The chorus.v1 contract on a managed WildFly (Undertow and Parsson inside). */
class ProtocolOnWildFlyIT extends DeployedV1War {}
