package dev.chorus.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRouteTest {

    @ParameterizedTest(name = "{0} serves {1}")
    @CsvSource({
        "/rooms/lobby/, index.html",
        "/rooms/lobby/index.html, index.html",
        "/rooms/lobby/chat.js, chat.js",
        "/rooms/lobby/chat.css, chat.css",
        "/rooms/A-b_9/, index.html",
    })
    void aRoomsPageAndItsFilesAreServedFromThePage(String path, String file) {
        assertEquals(new PageRoute.Serve(file), PageRoute.of(path));
    }

    @ParameterizedTest(name = "{0} is redirected")
    @ValueSource(strings = {"lobby", "A-b_9", "x"})
    void aRoomWithoutItsSlashIsRedirectedToIt(String room) {
        assertEquals(new PageRoute.Redirect("/rooms/" + room + "/"), PageRoute.of("/rooms/" + room));
    }

    @ParameterizedTest(name = "{0} is 404")
    @ValueSource(
            strings = {
                "/rooms",
                "/rooms/",
                "/rooms//",
                "/rooms/a%20b/",
                "/rooms/%6Cobby/",
                "/rooms/lob.by/",
                "/rooms/../",
                "/rooms/lobby/other.js",
                "/rooms/lobby/chat.js/",
                "/rooms/lobby/sub/",
                "/rooms/lobby//",
            })
    void anythingElseUnderRoomsIsMissing(String path) {
        assertEquals(new PageRoute.Missing(), PageRoute.of(path));
    }

    @Test
    void aNameOfSixtyFiveCharactersIsNoRoom() {
        assertEquals(new PageRoute.Missing(), PageRoute.of("/rooms/" + "a".repeat(65) + "/"));
        assertEquals(new PageRoute.Serve("index.html"), PageRoute.of("/rooms/" + "a".repeat(64) + "/"));
    }

    @ParameterizedTest(name = "{0} is left to others")
    @ValueSource(strings = {"/", "/index.html", "/chat.js", "/roomsx/a/", "/metrics"})
    void pathsOutsideRoomsAreLeftToTheRest(String path) {
        assertEquals(new PageRoute.Elsewhere(), PageRoute.of(path));
    }

    @Test
    void aRedirectKeepsTheQuery() {
        assertEquals("/rooms/a/?name=al%20ice", PageRoute.withQuery("/rooms/a/", "name=al%20ice"));
        assertEquals("/rooms/a/", PageRoute.withQuery("/rooms/a/", null));
        assertEquals("/rooms/a/", PageRoute.withQuery("/rooms/a/", ""));
    }
}
