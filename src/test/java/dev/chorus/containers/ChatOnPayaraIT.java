package dev.chorus.containers;

import dev.chorus.contract.ChatContract;

/** The chat contract on a managed Payara Server 6 (Tyrus inside). */
class ChatOnPayaraIT extends DeployedWar implements ChatContract {}
