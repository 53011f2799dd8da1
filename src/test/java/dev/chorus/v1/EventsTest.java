package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.naming.ClientName;
import dev.chorus.testing.DefaultNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact JSON docs/protocol.md documents. */
class EventsTest {

    @Test
    void theWelcomeCarriesTheIdTheMembersAndTheNewestSeq() {
        assertEquals(
                "{\"type\":\"welcome\",\"id\":3,\"members\":[1,3],\"seq\":41,\"room\":\"/\","
                        + "\"name\":\"Client(3)\",\"names\":{\"1\":\"Client(1)\",\"3\":\"Client(3)\"}}",
                Events.welcome(3, ClientName.of(3), "/", DefaultNames.of(1L, 3L), 41));
        assertEquals(
                "{\"type\":\"welcome\",\"id\":3,\"members\":[3],\"seq\":0,\"room\":\"lobby\","
                        + "\"name\":\"al\u00e9\",\"names\":{\"3\":\"al\u00e9\"}}",
                Events.welcome(3, "al\u00e9", "lobby", java.util.Map.of(3L, "al\u00e9"), 0));
    }

    @Test
    void joinsAndLeavesNameTheClient() {
        assertEquals("{\"type\":\"joined\",\"id\":4}", Events.joined(4, ClientName.of(4)));
        assertEquals("{\"type\":\"left\",\"id\":4,\"name\":\"bob\"}", Events.left(4, "bob"));
    }

    @Test
    void aSaidMessageEscapesWhatJsonMustAndKeepsEveryOtherCharacter() {
        assertEquals(
                "{\"type\":\"said\",\"seq\":42,\"from\":3,\"text\":\"he said \\\"hi\\\"\\n\\\\ ä € 😀\"}",
                Events.said(42, 3, ClientName.of(3), "he said \"hi\"\n\\ ä € 😀"));
    }

    @Test
    void aChosenNameFollowsTheText() {
        assertEquals(
                "{\"type\":\"said\",\"seq\":1,\"from\":3,\"text\":\"hi\",\"name\":\"alice\"}",
                Events.said(1, 3, "alice", "hi"));
        assertEquals(
                "{\"type\":\"said\",\"seq\":2,\"from\":0,\"text\":\"news\",\"name\":\"server\"}",
                Events.said(2, 0, ClientName.SERVER, "news"));
    }

    @Test
    void aGapCountsWhatIsLost() {
        assertEquals("{\"type\":\"gap\",\"missed\":7}", Events.gap(7));
    }

    @Test
    void theHistoryListsTheSaidMessagesAsTheyWereSent() {
        assertEquals(
                "{\"type\":\"history\",\"messages\":[" + Events.said(1, 2, ClientName.of(2), "a") + ","
                        + Events.said(2, 2, ClientName.of(2), "b") + "]}",
                Events.history(
                        List.of(Events.said(1, 2, ClientName.of(2), "a"), Events.said(2, 2, ClientName.of(2), "b"))));
        assertEquals("{\"type\":\"history\",\"messages\":[]}", Events.history(List.of()));
    }
}
