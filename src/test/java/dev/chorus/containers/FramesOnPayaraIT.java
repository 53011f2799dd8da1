package dev.chorus.containers;

import dev.chorus.contract.FramesContract;

/** RFC 6455's framing rules on a managed Payara Server 6 (Tyrus inside). */
class FramesOnPayaraIT extends DeployedWar implements FramesContract {}
