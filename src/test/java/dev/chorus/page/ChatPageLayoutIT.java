package dev.chorus.page;

import static dev.chorus.page.ChatPage.youJoined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Dimension;

/**
 * The page at a phone's width and a desktop's: nothing overflows sideways, the send box is on screen, and a
 * screenshot of each is saved ({@code target/screenshots/desktop.png}, {@code phone.png}) to look at.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageLayoutIT {

    private static final String PNG_SIGNATURE = "\u0089PNG";
    /** How far the page reaches sideways and where the send row ends, in CSS pixels. */
    private static final String LAYOUT =
            """
            const send = document.getElementById('send').getBoundingClientRect();
            const button = document.querySelector('#send button').getBoundingClientRect();
            return [document.documentElement.scrollWidth, Math.ceil(send.bottom), Math.ceil(button.right)];
            """;

    private static ChorusServer server;
    private static Browser browser;
    private static ChatPage page;
    /** The other two in the conversation; they stay, so the screenshots show three members. */
    private static Peer ada;

    private static Peer lin;

    @BeforeAll
    static void startAConversation() throws Exception {
        server = TestServers.start(Map.of());
        browser = Browser.start(Browser.DESKTOP);
        page = browser.open(server.pageUri());
        page.awaitState("Connected");
        ada = Peer.join(server.uri());
        lin = Peer.join(server.uri());
        awaitLineCount(3);
        ada.say("Morning! Is the 0.1 release still on for today?");
        awaitLineCount(4);
        page.say("Yes, the build is green on the launcher, Payara and WildFly.");
        awaitLineCount(5);
        lin.say("Great, I'll write the notes. Sending the changelog draft now.");
        lin.send(ByteBuffer.wrap(new byte[2048]));
        awaitLineCount(7);
        ada.say("Got it. Long links wrap instead of widening the page: "
                + "https://example.org/chorus/releases/0.1.0/notes/a-long-link-without-any-spaces-in-it");
        awaitLineCount(8);
    }

    private static void awaitLineCount(int count) {
        page.awaitLines(count + " lines", lines -> lines.size() == count);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            browser.close();
            ada.close();
            lin.close();
        } finally {
            server.close();
        }
    }

    @Test
    void atDesktopWidthNothingOverflowsAndTheSendRowIsInView() throws Exception {
        assertFitsAndSave(Browser.DESKTOP, "desktop");
    }

    @Test
    void atPhoneWidthNothingOverflowsAndTheSendRowIsInView() throws Exception {
        assertFitsAndSave(Browser.PHONE, "phone");
    }

    private static void assertFitsAndSave(Dimension size, String name) throws Exception {
        browser.resize(size);
        assertEquals(size, browser.viewport(), "the page area is " + size);
        List<?> layout = (List<?>) page.run(LAYOUT);
        long width = ((Number) layout.get(0)).longValue();
        long sendBottom = ((Number) layout.get(1)).longValue();
        long buttonRight = ((Number) layout.get(2)).longValue();

        assertEquals(size.width, width, "nothing reaches past the right edge");
        assertTrue(sendBottom <= size.height, () -> "the send row ends at " + sendBottom + " px");
        assertTrue(buttonRight <= size.width, () -> "the Send button ends at " + buttonRight + " px");
        assertEquals(youJoined(1), page.lines().get(0));
        assertEquals(List.of("Client(1)", "Client(2)", "Client(3)"), page.members());

        Path shot = browser.screenshot(name);
        String head = new String(Files.readAllBytes(shot), 0, 4, StandardCharsets.ISO_8859_1);
        assertEquals(PNG_SIGNATURE, head, shot + " is a PNG");
    }
}
