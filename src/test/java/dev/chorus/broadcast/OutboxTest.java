package dev.chorus.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's bounds: in bytes and in messages, with one send in flight counted as queued. */
class OutboxTest {

    private static final int MAX_BYTES = 100;

    private final RecordingWire wire = new RecordingWire();
    private final Outbox outbox = new Outbox(wire, new OutboxLimits(MAX_BYTES, 3, Duration.ofSeconds(10)), "Client(1)");

    @AfterEach
    void close() {
        outbox.close();
    }

    @Test
    void messagesPastTheByteBoundOverflow() {
        assertEquals(Outbox.Verdict.QUEUED, outbox.offer(Outgoing.text("a".repeat(60))));
        assertEquals(Outbox.Verdict.QUEUED, outbox.offer(Outgoing.text("b".repeat(40))));

        assertEquals(Outbox.Verdict.OVERFLOW, outbox.offer(Outgoing.text("c")));
        assertEquals(MAX_BYTES, outbox.pendingBytes(), "nothing of the refused message was queued");
    }

    @Test
    void messagesPastTheCountBoundOverflow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Outbox.Verdict.QUEUED, outbox.offer(Outgoing.text("m" + i)));
        }

        assertEquals(Outbox.Verdict.OVERFLOW, outbox.offer(Outgoing.text("m3")));
    }

    @Test
    void anEmptyOutboxTakesOneMessageLargerThanItsBoundSoAClientThatKeepsUpGetsIt() {
        String large = "x".repeat(MAX_BYTES * 3);

        assertEquals(Outbox.Verdict.QUEUED, outbox.offer(Outgoing.text(large)));
        assertEquals(Outbox.Verdict.OVERFLOW, outbox.offer(Outgoing.text("behind it")), "but nothing more");

        wire.completeOldest();
        assertEquals(List.of(large), wire.sent);
        assertEquals(0, outbox.pendingBytes());
        assertEquals(Outbox.Verdict.QUEUED, outbox.offer(Outgoing.text("next")));
    }

    @Test
    void aWireThatTakesBatchesGetsTheBacklogInOneWriteInOrderAndEveryMessageCounts() {
        RecordingWire batching = new RecordingWire(10);
        Outbox backlogged = new Outbox(batching, new OutboxLimits(1000, 100, Duration.ofSeconds(10)), "Client(2)");
        for (String text : List.of("a", "bb", "ccc", "dddd", "eeeee")) {
            backlogged.offer(Outgoing.text(text));
        }
        assertEquals(List.of(1), batching.writes, "the first goes out alone, the rest queue behind it");

        batching.completeOldest();
        assertEquals(List.of(1, 3), batching.writes, "then as many as fit 10 bytes in one write");
        batching.completeOldest();
        batching.completeOldest();

        assertEquals(List.of("a", "bb", "ccc", "dddd", "eeeee"), batching.sent);
        assertEquals(List.of(1, 3, 1), batching.writes);
        assertEquals(5, backlogged.delivered());
        assertEquals(0, backlogged.pendingBytes());
        assertEquals(0, backlogged.pendingMessages());
        backlogged.close();
    }

    @Test
    void aClosedOutboxRefusesAndReleasesWhatWasQueued() {
        outbox.offer(Outgoing.text("a"));
        outbox.offer(Outgoing.text("b"));

        assertEquals(2, outbox.close(), "the bytes still pending");
        assertEquals(Outbox.Verdict.CLOSED, outbox.offer(Outgoing.text("c")));
        assertEquals(0, outbox.pendingMessages());
    }
}
