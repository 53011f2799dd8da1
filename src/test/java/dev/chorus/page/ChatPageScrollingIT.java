package dev.chorus.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/** A long conversation on the page: it follows new lines only while the reader is at the bottom, and keeps a cap. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageScrollingIT {

    /** The cap the page declares ({@code data-max-lines} in index.html). */
    private static final int MAX_LINES = 500;
    /** Enough lines to overflow a desktop window several times over. */
    private static final int SCREENFULS = 80;

    /** A phone whose on-screen keyboard takes half the height. */
    private static final Dimension PHONE_WITH_KEYBOARD_OPEN = new Dimension(Browser.PHONE.width, 420);

    private static final String DISTANCE_FROM_BOTTOM =
            "const s = document.getElementById('scroller'); return s.scrollHeight - s.scrollTop - s.clientHeight";
    private static final String SCROLL_TOP = "return document.getElementById('scroller').scrollTop";

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();

    private ChorusServer server;
    private ChatPage page;
    private Peer peer;

    @BeforeEach
    void openThePageAndAnotherClient() throws Exception {
        // The scripted peer talks far faster than a person: no rate limit for it here.
        server = TestServers.start(Map.of(Setting.MESSAGE_RATE, "0", Setting.BYTE_RATE, "0"));
        BROWSER.get().resize(Browser.DESKTOP);
        page = BROWSER.get().open(server.pageUri());
        page.awaitState("Connected");
        peer = Peer.join(server.uri());
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            peer.close();
        } finally {
            BROWSER.get().leave();
            server.close();
        }
    }

    private void peerSays(String prefix, int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            peer.say(prefix + i);
        }
    }

    private static String said(String text) {
        return "Client(2) said: " + text;
    }

    private long distanceFromBottom() {
        return ((Number) page.run(DISTANCE_FROM_BOTTOM)).longValue();
    }

    private long scrollTop() {
        return ((Number) page.run(SCROLL_TOP)).longValue();
    }

    @Test
    void aReaderAtTheBottomFollowsNewLines() throws Exception {
        peerSays("line ", SCREENFULS);
        page.awaitLines(
                "the last line",
                lines -> lines.size() == 2 + SCREENFULS
                        && lines.get(lines.size() - 1).equals(said("line " + SCREENFULS)));

        assertEquals(0, distanceFromBottom(), "the newest line is in view");
        assertFalse(page.newMessagesButton().isDisplayed());
    }

    @Test
    void aReaderAtTheBottomStaysThereWhenTheWindowShrinks() throws Exception {
        peerSays("line ", SCREENFULS);
        page.awaitLines("the last line", lines -> lines.size() == 2 + SCREENFULS);

        BROWSER.get().resize(PHONE_WITH_KEYBOARD_OPEN);
        page.await(
                () -> distanceFromBottom() == 0,
                () -> "the view at the bottom; it is " + distanceFromBottom() + " px above it");
        peer.say("after the resize");

        page.awaitLines("the new line", lines -> lines.get(lines.size() - 1).equals(said("after the resize")));
        assertEquals(0, distanceFromBottom(), "the newest line is in view");
        assertFalse(page.newMessagesButton().isDisplayed());
    }

    @Test
    void aReaderWhoScrolledUpStaysWhereHeIsAndIsToldOfNewLines() throws Exception {
        peerSays("line ", SCREENFULS);
        page.awaitLines("the last line", lines -> lines.size() == 2 + SCREENFULS);
        page.scrollToTop();

        peer.say("while you were reading");
        page.awaitLines("the new line", lines -> lines.get(lines.size() - 1).equals(said("while you were reading")));

        assertEquals(0, scrollTop(), "the reader's place is kept");
        assertTrue(page.newMessagesButton().isDisplayed(), "a button offers the new lines");
        assertEquals("New messages ↓", page.newMessagesButton().getText());

        page.newMessagesButton().click();

        assertEquals(0, distanceFromBottom(), "the button brings the newest line into view");
        assertFalse(page.newMessagesButton().isDisplayed());
        assertEquals(page.input(), page.focused(), "and gives the focus back to the message box");
    }

    @Test
    void thePageKeepsOnlyTheNewestLinesUpToItsCap() throws Exception {
        assertEquals(String.valueOf(MAX_LINES), page.run("return document.getElementById('log').dataset.maxLines"));
        int sent = MAX_LINES + 20;
        peerSays("m", sent);

        // Before: the page's and the peer's join notices; after: the sent lines. The oldest 22 are gone.
        page.awaitLines(
                "the cap",
                lines -> lines.size() == MAX_LINES && lines.get(MAX_LINES - 1).equals(said("m" + sent)));
        List<String> lines = page.lines();
        assertEquals(said("m21"), lines.get(0));
        assertEquals(0, distanceFromBottom());
    }
}
