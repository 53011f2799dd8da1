package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** The fast path is no silent fallback: with the Tyrus this launcher bundles, broadcasts are framed once. */
class TyrusFrameWireTest {

    @Test
    void theBundledTyrusLetsTheLauncherWriteReadyMadeFrames() {
        assertInstanceOf(TyrusFrameWire.class, TyrusFrameWire.forThisTyrus());
    }
}
