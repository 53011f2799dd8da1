package dev.chorus.containers;

import dev.chorus.contract.ClosesContract;

/** The closes contract on a managed Payara (Tyrus inside). */
class ClosesOnPayaraIT extends DeployedWar implements ClosesContract {}
