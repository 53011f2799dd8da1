package dev.chorus.page;

import static dev.chorus.page.ChatPage.joined;
import static dev.chorus.page.ChatPage.youJoined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Chatting on the page: two real browsers through the launcher. Each test has a server of its own, so ids start
 * at 1 and every line can be asserted exactly.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageIT {

    private static final String IMG_WITH_SCRIPT = "<img src=x onerror=\"document.title='pwned'\">";

    private static Browser alice;
    private static Browser bob;
    private ChorusServer server;

    @BeforeAll
    static void startBrowsers() throws Exception {
        alice = Browser.start(Browser.DESKTOP);
        bob = Browser.start(Browser.DESKTOP);
    }

    @AfterAll
    static void stopBrowsers() {
        try {
            alice.close();
        } finally {
            bob.close();
        }
    }

    @BeforeEach
    void startServer() throws Exception {
        server = TestServers.start(Map.of());
    }

    @AfterEach
    void stopServer() {
        alice.leave();
        bob.leave();
        server.close();
    }

    private ChatPage join(Browser browser) {
        ChatPage page = browser.open(server.pageUri());
        page.awaitState("Connected");
        return page;
    }

    @Test
    void twoPagesChatWithEachOtherThroughTheLauncher() {
        ChatPage first = join(alice);
        first.awaitLines(List.of(youJoined(1)));
        ChatPage second = join(bob);
        second.awaitLines(List.of(youJoined(2)));
        first.awaitLines(List.of(youJoined(1), joined(2)));

        first.say("Hello from the first page");
        String hello = "Client(1) said: Hello from the first page";
        first.awaitLines(List.of(youJoined(1), joined(2), hello));
        second.awaitLines(List.of(youJoined(2), hello));

        second.say("And hello back from the second");
        String back = "Client(2) said: And hello back from the second";
        first.awaitLines(List.of(youJoined(1), joined(2), hello, back));
        second.awaitLines(List.of(youJoined(2), hello, back));
    }

    @Test
    void markupInAMessageIsShownAsLiteralTextAndNeverRuns() {
        ChatPage page = join(alice);
        String title = page.title();
        page.say(IMG_WITH_SCRIPT);

        page.awaitLines(List.of(youJoined(1), "Client(1) said: " + IMG_WITH_SCRIPT));
        assertEquals(List.of(), alice.driver().findElements(By.cssSelector("#log img")), "no element was made");
        assertEquals("Chorus", title);
        assertEquals(title, page.title());
    }

    @Test
    void markupFromAnotherClientIsShownAsLiteralTextToo() throws Exception {
        ChatPage page = join(alice);
        try (Peer peer = Peer.join(server.uri())) {
            peer.say(IMG_WITH_SCRIPT);
            page.awaitLines(List.of(youJoined(1), joined(2), "Client(2) said: " + IMG_WITH_SCRIPT));
        }
        assertEquals(List.of(), alice.driver().findElements(By.cssSelector("#log img")));
        assertEquals("Chorus", page.title());
    }

    @Test
    void aBinaryMessageShowsAsAShortLineWithItsSize() throws Exception {
        ChatPage page = join(alice);
        try (Peer peer = Peer.join(server.uri())) {
            peer.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            peer.send(ByteBuffer.wrap(new byte[] {0}));
            page.awaitLines(List.of(youJoined(1), joined(2), "[binary, 3 bytes]", "[binary, 1 byte]"));
        }
    }

    @Test
    void enterSendsClearsTheBoxAndKeepsTheFocusInIt() {
        ChatPage page = join(alice);
        assertEquals(page.input(), page.focused(), "the message box has the focus when the page opens");

        page.say("typed and sent with Enter");

        page.awaitLines(List.of(youJoined(1), "Client(1) said: typed and sent with Enter"));
        assertEquals("", page.input().getDomProperty("value"));
        assertEquals(page.input(), page.focused());
    }

    @Test
    void anEmptyMessageIsSentAsTheTutorialAllows() {
        ChatPage page = join(alice);
        page.say("");
        page.awaitLines(List.of(youJoined(1), "Client(1) said: "));
    }

    @Test
    void theKeyboardAloneCanReachAndPressTheSendButton() {
        ChatPage page = join(alice);
        page.input().sendKeys("sent with the button", Keys.TAB);
        assertEquals(page.sendButton(), page.focused(), "Tab moves from the box to the button");

        page.focused().sendKeys(Keys.ENTER);

        page.awaitLines(List.of(youJoined(1), "Client(1) said: sent with the button"));
        assertEquals(page.input(), page.focused(), "the focus goes back to the box");
    }

    @Test
    void theMessageBoxHasAVisibleLabelInAForm() {
        ChatPage page = join(alice);
        assertEquals(
                "Message",
                alice.driver().findElement(By.cssSelector("label[for=text]")).getText());
        assertTrue(
                (Boolean) page.run("return document.getElementById('text').form === document.getElementById('send')"),
                "the box belongs to the form, so Enter submits it");
        assertEquals(1L, page.run("return document.getElementById('text').labels.length"));
    }
}
