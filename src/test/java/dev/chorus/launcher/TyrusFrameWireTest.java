package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.chorus.broadcast.Outgoing;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path is no silent fallback: with the Tyrus this launcher bundles, broadcasts are framed once. */
class TyrusFrameWireTest {

    @Test
    void theBundledTyrusLetsTheLauncherWriteReadyMadeFrames() {
        assertInstanceOf(TyrusFrameWire.class, TyrusFrameWire.forThisTyrus());
    }

    @Test
    void aBacklogIsWrittenInPiecesOfAtMost8KiBOfPayload() {
        List<Outgoing> backlog = List.of(text(4000), text(4000), text(192), text(1), text(100));

        assertEquals(3, TyrusFrameWire.batchSize(backlog), "8192 bytes fit; the next one starts the next write");
        assertEquals(1, TyrusFrameWire.batchSize(List.of(text(9000), text(1))), "a large message goes alone");
    }

    @Test
    void aWriteCarriesAtMost256MessagesHoweverSmall() {
        List<Outgoing> backlog = Collections.nCopies(300, Outgoing.text("x"));

        assertEquals(256, TyrusFrameWire.batchSize(backlog));
    }

    private static Outgoing text(int bytes) {
        return Outgoing.text("x".repeat(bytes));
    }
}
