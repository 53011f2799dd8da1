package dev.chorus.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.Renditions;
import dev.chorus.naming.ClientName;
import dev.chorus.testing.V1Peer;
import dev.chorus.v1.ChorusV1;
import dev.chorus.v1.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    /** Keeps said-messages 1..n of client 1, "m1".."mn", each counted as 10 bytes. */
    private static History keeping(int capacity, long maxBytes, int n) {
        History history = new History(capacity, maxBytes);
        for (int seq = 1; seq <= n; seq++) {
            long said = seq;
            history.add(
                    said,
                    new Renditions(null, ChorusV1.NAME, () -> Events.said(said, 1, ClientName.of(1), "m" + said)),
                    10);
        }
        return history;
    }

    private static List<String> texts(List<Outgoing.Text> messages) {
        return messages.stream()
                .map(m -> V1Peer.parse(m.text()).getString("text"))
                .toList();
    }

    @Test
    void aClientThatMissedLessThanIsKeptGetsExactlyWhatItMissed() {
        History.Replay replay = keeping(5, 1000, 8).after(6, 8, 100, 10_000);
        assertEquals(0, replay.missed());
        assertEquals(List.of("m7", "m8"), texts(replay.messages()));
    }

    @Test
    void aClientThatMissedMoreThanIsKeptGetsTheCountOfTheRest() {
        History.Replay replay = keeping(5, 1000, 8).after(1, 8, 100, 10_000);
        assertEquals(2, replay.missed());
        assertEquals(List.of("m4", "m5", "m6", "m7", "m8"), texts(replay.messages()));
    }

    @Test
    void aClientThatMissedNothingGetsNothing() {
        History.Replay replay = keeping(5, 1000, 8).after(8, 8, 100, 10_000);
        assertEquals(new History.Replay(0, List.of()), replay);
    }

    @Test
    void theBytesKeptAreBoundedToo() {
        History.Replay replay = keeping(100, 30, 8).after(0, 8, 100, 10_000);
        assertEquals(5, replay.missed());
        assertEquals(List.of("m6", "m7", "m8"), texts(replay.messages()));
    }

    @Test
    void aReplayTakesOnlyTheNewestThatFitTheOutboxAndCountsTheRestAsMissed() {
        History history = keeping(100, 10_000, 8);
        assertEquals(List.of("m7", "m8"), texts(history.after(0, 8, 2, 10_000).messages()));
        assertEquals(6, history.after(0, 8, 2, 10_000).missed());
        int oneMessage = Events.said(8, 1, ClientName.of(1), "m8").length();
        assertEquals(List.of("m8"), texts(history.after(0, 8, 100, oneMessage).messages()));
    }

    @Test
    void nothingIsKeptWithCapacityZero() {
        assertEquals(new History.Replay(8, List.of()), keeping(0, 1000, 8).after(0, 8, 100, 10_000));
        assertEquals(List.of(), keeping(0, 1000, 8).newest(100, 10_000));
    }

    @Test
    void aSaidMessagesJsonIsBuiltOnceAndSharedByTheLiveBroadcastAndTheReplay() {
        int[] built = {0};
        Renditions said = new Renditions(Outgoing.text("Client(1) said: x"), ChorusV1.NAME, () -> {
            built[0]++;
            return Events.said(1, 1, ClientName.of(1), "x");
        });
        History history = new History(10, 1000);
        history.add(1, said, 17);
        Outgoing live = said.in(ChorusV1.NAME);
        assertEquals(List.of(live), history.after(0, 1, 10, 1000).messages());
        assertEquals(1, built[0]);
        assertEquals("Client(1) said: x", ((Outgoing.Text) said.in("")).text());
        assertEquals("Client(1) said: x", ((Outgoing.Text) said.in(null)).text());
    }
}
