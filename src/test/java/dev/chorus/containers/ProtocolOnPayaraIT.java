package dev.chorus.containers;

/** The chorus.v1 contract on a managed Payara Server 6 (Tyrus and Parsson inside). */
class ProtocolOnPayaraIT extends DeployedV1War {}
