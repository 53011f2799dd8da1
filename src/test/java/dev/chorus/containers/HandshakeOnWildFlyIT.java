package dev.chorus.containers;

import dev.chorus.contract.HandshakeContract;

/** The handshake contract on a managed WildFly (Undertow inside). */
class HandshakeOnWildFlyIT extends DeployedWar implements HandshakeContract {}
