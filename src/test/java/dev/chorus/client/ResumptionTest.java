package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.net.URI;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a chorus.v1 conversation stands after each kind of event, and the URI that resumes it. */
class ResumptionTest {

    private static final URI BASE = URI.create("ws://127.0.0.1:9001/");

    @ParameterizedTest(name = "{0} resumes as {1}")
    @CsvSource({
        "ws://127.0.0.1:9001/, ws://127.0.0.1:9001/?since=7",
        "ws://127.0.0.1:9001, ws://127.0.0.1:9001/?since=7",
        "wss://h:8443/chorus/, wss://h:8443/chorus/?since=7",
        "ws://h/chorus/?since=3, ws://h/chorus/?since=7",
        "ws://h/?room=a%20b&since=3&x, ws://h/?room=a%20b&x&since=7",
    })
    void theSinceParameterIsSetOrReplacedAndTheRestKept(String given, String resumed) {
        assertEquals(URI.create(resumed), Resumption.withSince(URI.create(given), 7));
    }

    @Test
    void aFirstWelcomeStartsFromItsSeqAndSaidMessagesAndGapsMoveOn() {
        Resumption resumption = new Resumption();
        assertEquals(BASE, resumption.next(BASE));
        resumption.opened("chorus.v1");
        resumption.heard("{\"type\":\"welcome\",\"id\":4,\"members\":[1,4],\"seq\":41}");
        assertEquals(OptionalLong.of(41), resumption.lastSeq());
        resumption.heard("{\"type\":\"joined\",\"id\":5}");
        resumption.heard("{\"type\":\"said\",\"seq\":42,\"from\":1,\"text\":\"hi\"}");
        resumption.heard("not an event: an operator's message");
        resumption.closed(new CloseReason(CloseCodes.GOING_AWAY, "bye"));
        assertEquals(URI.create("ws://127.0.0.1:9001/?since=42"), resumption.next(BASE));

        resumption.opened("chorus.v1");
        resumption.heard("{\"type\":\"welcome\",\"id\":6,\"members\":[1,6],\"seq\":50}");
        assertEquals(OptionalLong.of(42), resumption.lastSeq(), "the replay is still to come");
        resumption.heard("{\"type\":\"gap\",\"missed\":5}");
        assertEquals(OptionalLong.of(47), resumption.lastSeq());
    }

    @Test
    void aWelcomeBelowTheSinceAskedForMeansTheServerRestarted() {
        Resumption resumption = welcomedAt(41);
        resumption.closed(new CloseReason(CloseCodes.GOING_AWAY, "server shutting down"));
        resumption.next(BASE);
        resumption.opened("chorus.v1");
        resumption.heard("{\"type\":\"welcome\",\"id\":1,\"members\":[1],\"seq\":0}");
        assertEquals(OptionalLong.of(0), resumption.lastSeq());
    }

    @Test
    void aSinceRefusedBeforeTheWelcomeIsNotAskedForAgain() {
        Resumption resumption = welcomedAt(41);
        resumption.closed(new CloseReason(CloseCodes.GOING_AWAY, "bye"));
        resumption.next(BASE);
        resumption.opened("chorus.v1");
        resumption.closed(new CloseReason(CloseCodes.VIOLATED_POLICY, "invalid since"));
        assertEquals(BASE, resumption.next(BASE));
    }

    @Test
    void connectionsWithoutChorusV1LeaveThePositionAlone() {
        Resumption resumption = new Resumption();
        resumption.next(BASE);
        resumption.opened("");
        resumption.heard("{\"type\":\"welcome\",\"id\":1,\"members\":[1],\"seq\":9}");
        assertEquals(OptionalLong.empty(), resumption.lastSeq());
        assertEquals(BASE, resumption.next(BASE));
    }

    private static Resumption welcomedAt(long seq) {
        Resumption resumption = new Resumption();
        resumption.next(BASE);
        resumption.opened("chorus.v1");
        resumption.heard("{\"type\":\"welcome\",\"id\":1,\"members\":[1],\"seq\":" + seq + "}");
        return resumption;
    }
}
