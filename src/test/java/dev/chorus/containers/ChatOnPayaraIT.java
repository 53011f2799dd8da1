package dev.chorus.containers;

/** The chat contract on a managed Payara Server 6 (Tyrus inside). */
class ChatOnPayaraIT extends DeployedWar {}
