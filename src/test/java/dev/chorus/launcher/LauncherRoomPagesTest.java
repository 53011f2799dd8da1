package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.Http;
import dev.chorus.testing.Launched;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each room's page over plain HTTP: {@code /rooms/NAME/} is the page and its files sit beside it, {@code
 * /rooms/NAME} is redirected there, and a path that names no room is 404.
 */
class LauncherRoomPagesTest {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    private static HttpResponse<String> get(String path) throws Exception {
        return Http.get(page().resolve(path));
    }

    private static URI page() {
        return LAUNCHER.server().pageUri();
    }

    @Test
    void aRoomsPageIsTheSamePageAsTheRootOne() throws Exception {
        HttpResponse<String> root = get("/");
        HttpResponse<String> room = get("/rooms/lobby/");

        assertEquals(200, room.statusCode(), room::body);
        assertTrue(room.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), room::toString);
        assertEquals(root.body(), room.body());
    }

    @Test
    void thePagesFilesAreServedBesideItsRoomsPage() throws Exception {
        for (String file : new String[] {"chat.js", "chat.css", "index.html"}) {
            HttpResponse<String> room = get("/rooms/lobby/" + file);
            assertEquals(200, room.statusCode(), file);
            assertEquals(get("/" + file).body(), room.body(), file);
        }
        assertTrue(get("/rooms/lobby/chat.css")
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("text/css"));
    }

    @Test
    void aRoomWithoutItsSlashIsRedirectedPermanentlyToItsPage() throws Exception {
        HttpResponse<String> bare = get("/rooms/Team-7");

        assertEquals(308, bare.statusCode(), bare::toString);
        assertEquals("/rooms/Team-7/", bare.headers().firstValue("Location").orElse(""));
    }

    @Test
    void theRedirectKeepsTheQuery() throws Exception {
        HttpResponse<String> bare = get("/rooms/lobby?name=al%20ice");

        assertEquals(308, bare.statusCode(), bare::toString);
        assertEquals(
                "/rooms/lobby/?name=al%20ice",
                bare.headers().firstValue("Location").orElse(""));
    }

    @ParameterizedTest(name = "{0} is 404")
    @ValueSource(
            strings = {
                "/rooms",
                "/rooms/",
                "/rooms/lob.by/",
                "/rooms/lob.by",
                "/rooms/%6Cobby/",
                "/rooms/lobby/other.js",
                "/rooms/lobby/sub/",
                "/rooms/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/",
            })
    void aPathThatNamesNoRoomOrNoFileOfThePageIsNotFound(String path) throws Exception {
        HttpResponse<String> missing = get(path);
        assertEquals(404, missing.statusCode(), () -> path + " got " + missing.statusCode() + ": " + missing.body());
    }

    @Test
    void thePageAtTheRootIsServedAsBefore() throws Exception {
        assertEquals(200, get("/").statusCode());
        assertEquals(200, get("/chat.js").statusCode());
    }
}
