package dev.chorus.containers;

import dev.chorus.contract.LimitsContract;

/** The limits contract on a managed Payara Server 6 (Tyrus inside). */
class LimitsOnPayaraIT extends DeployedWar implements LimitsContract {}
