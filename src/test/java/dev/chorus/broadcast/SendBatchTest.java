package dev.chorus.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.settings.OutboxLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inside a batch an outbox only queues; its sends start, in queue order, when the batch closes. */
class SendBatchTest {

    private final RecordingWire wire = new RecordingWire();
    private final Outbox outbox = new Outbox(wire, new OutboxLimits(1024, 10, Duration.ofSeconds(10)), "Client(1)");

    @Test
    void outsideABatchTheFirstOfferIsSentAtOnce() {
        outbox.offer(Outgoing.text("a"));

        assertEquals(List.of("a"), wire.sent);
        outbox.close();
    }

    @Test
    void insideABatchNothingIsSentUntilItCloses() {
        List<List<String>> seenInside = new ArrayList<>();

        SendBatch.run(() -> {
            outbox.offer(Outgoing.text("a"));
            outbox.offer(Outgoing.text("b"));
            seenInside.add(List.copyOf(wire.sent));
        });

        assertEquals(List.of(List.of()), seenInside, "the batch only queued");
        assertEquals(List.of("a"), wire.sent, "then one send is in flight");
        wire.completeOldest();
        assertEquals(List.of("a", "b"), wire.sent, "and the next follows its completion");
        outbox.close();
    }

    @Test
    void aBatchInsideABatchIsTheOuterOne() {
        List<String> afterInner = new ArrayList<>();

        SendBatch.run(() -> {
            SendBatch.run(() -> outbox.offer(Outgoing.text("a")));
            afterInner.addAll(wire.sent);
        });

        assertEquals(List.of(), afterInner);
        assertEquals(List.of("a"), wire.sent);
        outbox.close();
    }

    @Test
    void aFlushStartsWhatWasHeldBackAndTheBatchHoldsWhatComesAfter() {
        RecordingWire otherWire = new RecordingWire();
        Outbox other = new Outbox(otherWire, new OutboxLimits(1024, 10, Duration.ofSeconds(10)), "Client(2)");
        List<String> afterFlush = new ArrayList<>();
        List<String> otherAfterOffer = new ArrayList<>();

        SendBatch.run(() -> {
            outbox.offer(Outgoing.text("a"));
            SendBatch.flush();
            afterFlush.addAll(wire.sent);
            other.offer(Outgoing.text("b"));
            otherAfterOffer.addAll(otherWire.sent);
        });

        assertEquals(List.of("a"), afterFlush, "the flush started the held-back send");
        assertEquals(List.of(), otherAfterOffer, "an offer after the flush is held by the batch again");
        assertEquals(List.of("b"), otherWire.sent, "and sent when it closes");
        outbox.close();
        other.close();
    }

    @Test
    void aFlushOutsideABatchDoesNothing() {
        SendBatch.flush();
        outbox.offer(Outgoing.text("a"));

        assertEquals(List.of("a"), wire.sent);
        outbox.close();
    }

    @Test
    void anOutboxClosedBeforeTheBatchEndsSendsNothing() {
        SendBatch.run(() -> {
            outbox.offer(Outgoing.text("a"));
            outbox.close();
        });

        assertEquals(List.of(), wire.sent);
    }
}
