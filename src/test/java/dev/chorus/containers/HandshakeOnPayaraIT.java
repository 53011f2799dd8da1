package dev.chorus.containers;

import dev.chorus.contract.HandshakeContract;

/** The handshake contract on a managed Payara Server 6 (Tyrus inside). */
class HandshakeOnPayaraIT extends DeployedWar implements HandshakeContract {}
