package dev.chorus.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.TestServers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The display name: the page asks once (a form, not a prompt), keeps the answer in the browser and sends it as
 * {@code ?name=}. The server here is a scripted one ({@link NamingEndpoint}) that names its clients as the rooms
 * contract says and records what each connection asked for; each test has its own, so its own browser storage.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageNameIT {

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();

    private ChorusServer server;

    @AfterEach
    void stopServer() {
        BROWSER.get().leave();
        if (server != null) {
            server.close();
        }
    }

    private ChatPage open() throws Exception {
        if (server == null) {
            NamingEndpoint.reset();
            server = ChorusServer.start(TestServers.settings(Map.of()), NamingEndpoint.class);
        }
        return BROWSER.get().open(server.pageUri());
    }

    private static List<String> namesAsked() {
        return List.copyOf(NamingEndpoint.NAMES);
    }

    @Test
    void aFirstVisitAsksForANameInALabelledFormWhileTheMessageBoxKeepsTheFocus() throws Exception {
        ChatPage page = open();
        page.awaitMe("Client(1)");
        NameQuestion question = page.nameQuestion();

        assertTrue(question.shown(), "the page asks");
        assertEquals("Your name", question.label());
        assertEquals(page.input(), page.focused(), "one can chat at once, as Client(N)");
        assertEquals(List.of(""), namesAsked());
    }

    @Test
    void theNameChosenIsSentAtOnceAndRememberedForTheNextVisit() throws Exception {
        ChatPage page = open();
        page.awaitMe("Client(1)");
        String name = "Zoë O'Brien-2";

        page.nameQuestion().answer(name);

        page.awaitMe(name);
        page.awaitLines(List.of(ChatPage.youJoined(1), "You joined as " + name));
        assertFalse(page.nameQuestion().shown());
        assertEquals(name, page.nameQuestion().stored());
        assertEquals(page.input(), page.focused(), "back to the message box");
        assertEquals(List.of("", name), namesAsked());

        ChatPage again = open();
        again.awaitMe(name);
        assertFalse(again.nameQuestion().shown(), "asked once");
        assertEquals(List.of("", name, name), namesAsked());
    }

    @Test
    void notNowIsAnAnswerTooAndChangeNameAsksAgain() throws Exception {
        ChatPage page = open();
        page.awaitMe("Client(1)");
        page.nameQuestion().skip();
        assertFalse(page.nameQuestion().shown());
        assertEquals(page.input(), page.focused());

        ChatPage again = open();
        again.awaitMe("Client(2)");
        assertFalse(again.nameQuestion().shown(), "not asked again");
        again.nameQuestion().reopen();
        assertTrue(again.nameQuestion().shown());
        assertEquals(again.nameQuestion().input(), again.focused());
        again.nameQuestion().answer("bob");

        again.awaitMe("bob");
        assertEquals(List.of("", "", "bob"), namesAsked());
    }

    @Test
    void aNameTheServerWouldRefuseIsExplainedAndNeitherSentNorKept() throws Exception {
        ChatPage page = open();
        page.awaitMe("Client(1)");
        NameQuestion question = page.nameQuestion();

        for (String refused : List.of("server", "SERVER", "two  spaces", "semi;colon", "<b>", "   ", "x".repeat(33))) {
            question.answer(refused);
            assertTrue(question.shown(), refused);
            assertFalse(question.error().isEmpty(), () -> "no reason shown for '" + refused + "'");
            assertTrue(question.invalid(), refused);
            assertEquals(question.input(), page.focused(), refused);
        }
        assertNull(question.stored());
        String longest = "a trimmed name of 32 characters.";
        question.answer("  " + longest + " ");

        page.awaitMe(longest);
        assertEquals("", question.error());
        assertFalse(question.invalid());
        assertEquals(List.of("", longest), namesAsked());
    }
}
