package dev.chorus.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.Peer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TurnsTest {

    private final Turns turns = new Turns();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void aStepDeferredWhileAnotherThreadHoldsTheTurnDoesNotWaitAndRunsRightAfterThatStep() throws Exception {
        CountDownLatch inTurn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> turns.take(() -> {
            inTurn.countDown();
            await(release);
            ran.add("held");
        }));
        await(inTurn);
        turns.defer(() -> ran.add("deferred")); // would hang here (until the timeout) if it waited
        assertEquals(List.of(), ran, "nothing runs while the turn is held");
        release.countDown();
        holder.get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of("held", "deferred"), ran, "the holder runs it before it lets go of the turn");
    }

    @Test
    void aStepDeferredWhileNobodyHoldsTheTurnRunsAtOnce() {
        turns.defer(() -> ran.add("deferred"));
        assertEquals(List.of("deferred"), ran);
    }

    @Test
    void whatAStepDefersOrTakesRunsAfterItNotInTheMiddleOfIt() {
        turns.take(() -> {
            ran.add("a");
            turns.defer(() -> ran.add("c"));
            turns.take(() -> ran.add("d"));
            ran.add("b");
        });
        assertEquals(List.of("a", "b", "c", "d"), ran);
    }

    @Test
    void aStepThatThrowsDoesNotStopTheOthers() {
        turns.take(() -> {
            turns.defer(() -> ran.add("after"));
            throw new IllegalStateException("a bug");
        });
        turns.take(() -> ran.add("next"));
        assertEquals(List.of("after", "next"), ran);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(Peer.WAIT.toSeconds(), TimeUnit.SECONDS), "latch not released in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
