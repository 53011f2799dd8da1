package dev.chorus.containers;

import dev.chorus.contract.RoomsContract;

/** The rooms contract on a managed WildFly (Undertow inside): /rooms/NAME beside the tutorial's room, in the WAR. */
class RoomsOnWildFlyIT extends DeployedWar implements RoomsContract {}
