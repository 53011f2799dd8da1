package dev.chorus.containers;

import dev.chorus.contract.FramesContract;

/** RFC 6455's framing rules on a managed WildFly (Undertow inside). */
class FramesOnWildFlyIT extends DeployedWar implements FramesContract {}
