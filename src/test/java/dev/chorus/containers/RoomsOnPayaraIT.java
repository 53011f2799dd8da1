package dev.chorus.containers;

import dev.chorus.contract.RoomsContract;

/** The rooms contract on a managed Payara (Tyrus inside): /rooms/NAME beside the tutorial's room, in the WAR. */
class RoomsOnPayaraIT extends DeployedWar implements RoomsContract {}
