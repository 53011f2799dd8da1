package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact JSON docs/protocol.md documents. */
class EventsTest {

    @Test
    void theWelcomeCarriesTheIdTheMembersAndTheNewestSeq() {
        assertEquals(
                "{\"type\":\"welcome\",\"id\":3,\"members\":[1,3],\"seq\":41}", Events.welcome(3, List.of(1L, 3L), 41));
    }

    @Test
    void joinsAndLeavesNameTheClient() {
        assertEquals("{\"type\":\"joined\",\"id\":4}", Events.joined(4));
        assertEquals("{\"type\":\"left\",\"id\":4}", Events.left(4));
    }

    @Test
    void aSaidMessageEscapesWhatJsonMustAndKeepsEveryOtherCharacter() {
        assertEquals(
                "{\"type\":\"said\",\"seq\":42,\"from\":3,\"text\":\"he said \\\"hi\\\"\\n\\\\ ä € 😀\"}",
                Events.said(42, 3, "he said \"hi\"\n\\ ä € 😀"));
    }

    @Test
    void aGapCountsWhatIsLost() {
        assertEquals("{\"type\":\"gap\",\"missed\":7}", Events.gap(7));
    }

    @Test
    void theHistoryListsTheSaidMessagesAsTheyWereSent() {
        assertEquals(
                "{\"type\":\"history\",\"messages\":[" + Events.said(1, 2, "a") + "," + Events.said(2, 2, "b") + "]}",
                Events.history(List.of(Events.said(1, 2, "a"), Events.said(2, 2, "b"))));
        assertEquals("{\"type\":\"history\",\"messages\":[]}", Events.history(List.of()));
    }
}
