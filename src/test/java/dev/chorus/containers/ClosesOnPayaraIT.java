package dev.chorus.containers;

import dev.chorus.contract.ClosesContract;

/**
 * The closes contract on a managed Payara Server 6: what Grizzly still holds for a client counts against its outbox,
 * and the Grizzly connection under Tyrus is reset at the close timeout.
 */
class ClosesOnPayaraIT extends DeployedWar implements ClosesContract {}
