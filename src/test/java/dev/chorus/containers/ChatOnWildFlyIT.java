package dev.chorus.containers;

import dev.chorus.contract.ChatContract;

/** The chat contract on a managed WildFly (Undertow inside). */
class ChatOnWildFlyIT extends DeployedWar implements ChatContract {}
