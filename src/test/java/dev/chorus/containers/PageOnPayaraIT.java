package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.page.Browser;
import dev.chorus.page.ChatPage;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page under a context path: the WAR the build made, deployed as-is on a managed Payara Server 6, serves
 * the page at {@code /chorus/}, and two headless Chromiums there chat with each other through the socket at
 * the same path.
 */
@ExtendWith({ArquillianExtension.class, ServerLogOnFailure.class})
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PageOnPayaraIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive builtWar() {
        return DeployedWar.builtWar();
    }

    @Test
    void twoPagesAtTheContextPathChatWithEachOther() throws Exception {
        // 127.0.0.1 rather than whatever name Arquillian reports: Payara listens on loopback IPv4 only.
        URI page = new URI("http", null, "127.0.0.1", base.getPort(), base.getPath(), null, null);
        assertEquals("/chorus/", page.getPath());
        try (Browser alice = Browser.start(Browser.DESKTOP);
                Browser bob = Browser.start(Browser.DESKTOP)) {
            ChatPage first = alice.open(page);
            first.awaitState("Connected");
            assertEquals("ws://127.0.0.1:" + page.getPort() + "/chorus/", first.socketUrl());
            int one = first.awaitOwnId();
            ChatPage second = bob.open(page);
            second.awaitState("Connected");
            int two = second.awaitOwnId();
            first.awaitPresence(one, List.of(client(one), client(two)));

            String hello = client(two) + " said: hello from /chorus/";
            String back = client(one) + " said: and back";
            second.say("hello from /chorus/");
            first.awaitLines("the second page's line", lines -> lines.contains(hello));
            first.say("and back");

            first.awaitLines("both lines, in order", lines -> lines.indexOf(back) > lines.indexOf(hello));
            second.awaitLines("both lines, in order", lines -> lines.indexOf(back) > lines.indexOf(hello));
        }
    }

    private static String client(int id) {
        return "Client(" + id + ")";
    }
}
