package dev.chorus.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.settings.OutboxLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's bounds: in bytes and in messages, with one send in flight counted as queued. */
class OutboxTest {

    private static final int MAX_BYTES = 100;

    private static final OutboxLimits LIMITS = new OutboxLimits(MAX_BYTES, 3, Duration.ofSeconds(10));

    private final RecordingWire wire = new RecordingWire();
    private final Outbox outbox = new Outbox(wire, LIMITS, "Client(1)");

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
    void whatTheContainerStillHoldsAfterReportingItsSendsDoneCountsAgainstTheByteBound() {
        assertEquals(Outbox.Verdict.QUEUED, outbox.offer(Outgoing.text("a".repeat(60))));
        wire.completeOldest();
        wire.held = 60; // reported sent, but still in the container's write queue: the peer does not read

        assertEquals(Outbox.Verdict.QUEUED, outbox.offer(Outgoing.text("b".repeat(40))));
        wire.completeOldest();
        wire.held = 100;

        assertEquals(Outbox.Verdict.OVERFLOW, outbox.offer(Outgoing.text("c")));
        assertEquals(0, outbox.pendingBytes(), "the outbox itself holds nothing");
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

    @Test
    void aSendTheContainerFailsWithAnErrorClosesThatPeerOnceAndNothingElse() {
        AtomicInteger broken = new AtomicInteger();
        Wire.Sender throwing = (message, handler) -> {
            throw new Error("the container's encoder gave up");
        };
        Outbox failing = new Outbox(throwing, LIMITS, "Client(3)", BroadcastListener.NONE, broken::incrementAndGet);

        assertEquals(Outbox.Verdict.QUEUED, failing.offer(Outgoing.text("\ud800")), "the offer itself never throws");

        assertEquals(1, broken.get(), "the peer is to be closed");
        assertEquals(Outbox.Verdict.CLOSED, failing.offer(Outgoing.text("next")), "and is fed no more");
        assertEquals(0, failing.pendingBytes());
        failing.close();
        assertEquals(1, broken.get(), "told once, however it closes after");
    }

    @Test
    void aSendThatFailsLaterClosesThatPeerSoItNeverStaysConnectedButDeaf() {
        AtomicInteger broken = new AtomicInteger();
        RecordingWire later = new RecordingWire();
        Outbox failing = new Outbox(later, LIMITS, "Client(4)", BroadcastListener.NONE, broken::incrementAndGet);
        failing.offer(Outgoing.text("a"));
        failing.offer(Outgoing.text("b"));

        later.failOldest(new IOException("Broken pipe"));

        assertEquals(1, broken.get());
        assertEquals(List.of("a"), later.sent, "nothing more was tried");
        assertEquals(Outbox.Verdict.CLOSED, failing.offer(Outgoing.text("c")));
    }

    @Test
    void anOutboxClosedByItsOwnerIsNotReportedBroken() {
        AtomicInteger broken = new AtomicInteger();
        Outbox closed =
                new Outbox(new RecordingWire(), LIMITS, "Client(5)", BroadcastListener.NONE, broken::incrementAndGet);
        closed.offer(Outgoing.text("a"));

        closed.close();

        assertEquals(0, broken.get());
    }
}
