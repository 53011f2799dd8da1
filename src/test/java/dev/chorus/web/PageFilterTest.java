package dev.chorus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The WAR's page filter under a context path, with a request and response that record what the filter does
 * (the container itself is the Payara and WildFly tests' business): the page at the root and at each room's
 * {@code /rooms/NAME/}, its files beside it, a redirect without the slash, 404 for no room, and upgrades left to
 * the WebSocket endpoints.
 */
class PageFilterTest {

    private static final String CONTEXT = "/chorus";

    private final List<String> done = new ArrayList<>();

    @ParameterizedTest(name = "{0} is forwarded to {1}")
    @CsvSource({
        "/chorus, /index.html",
        "/chorus/, /index.html",
        "/chorus/rooms/lobby/, /index.html",
        "/chorus/rooms/lobby/chat.js, /chat.js",
        "/chorus/rooms/lobby/chat.css, /chat.css",
    })
    void aPageOrOneOfItsFilesIsForwardedToTheFile(String uri, String file) throws Exception {
        filter(uri, null, null);
        assertEquals(List.of("forward " + file), done);
    }

    @Test
    void aRoomWithoutItsSlashIsRedirectedUnderTheContextPathWithItsQuery() throws Exception {
        filter("/chorus/rooms/lobby", "name=al%20ice", null);
        assertEquals(List.of("status 308", "Location: /chorus/rooms/lobby/?name=al%20ice"), done);
    }

    @ParameterizedTest(name = "{0} is 404")
    @CsvSource({"/chorus/rooms/lob.by/", "/chorus/rooms/", "/chorus/rooms/lobby/other.js", "/chorus/rooms"})
    void aPathThatNamesNoRoomOrNoFileIsNotFound(String uri) throws Exception {
        filter(uri, null, null);
        assertEquals(List.of("error 404"), done);
    }

    @ParameterizedTest(name = "{0} goes on to the chain")
    @CsvSource({"/chorus/chat.js", "/chorus/metrics", "/chorus/roomsx"})
    void anythingElseGoesOn(String uri) throws Exception {
        filter(uri, null, null);
        assertEquals(List.of("chain"), done);
    }

    @ParameterizedTest(name = "an upgrade of {0} goes on to the endpoint")
    @CsvSource({"/chorus/", "/chorus/rooms/lobby", "/chorus/rooms/lob.by"})
    void aWebSocketUpgradeGoesOnToTheEndpoint(String uri) throws Exception {
        filter(uri, null, "websocket");
        assertEquals(List.of("chain"), done);
    }

    @Test
    void aGetOfferingH2cIsAPlainGet() throws Exception {
        filter("/chorus/rooms/lobby/", null, "h2c");
        assertEquals(List.of("forward /index.html"), done);
    }

    private void filter(String uri, String query, String upgrade) throws Exception {
        FilterChain chain = (request, response) -> done.add("chain");
        new PageFilter().doFilter(request(uri, query, upgrade), response(), chain);
    }

    private HttpServletRequest request(String uri, String query, String upgrade) {
        return fake(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getRequestURI" -> uri;
            case "getContextPath" -> CONTEXT;
            case "getQueryString" -> query;
            case "getHeaders" -> Collections.enumeration(
                    upgrade != null && "Upgrade".equalsIgnoreCase((String) args[0]) ? List.of(upgrade) : List.of());
            case "getRequestDispatcher" -> dispatcher((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private RequestDispatcher dispatcher(String path) {
        return fake(RequestDispatcher.class, (name, args) -> {
            done.add(name + " " + path);
            return null;
        });
    }

    private HttpServletResponse response() {
        return fake(HttpServletResponse.class, (name, args) -> {
            switch (name) {
                case "setStatus" -> done.add("status " + args[0]);
                case "setHeader" -> done.add(args[0] + ": " + args[1]);
                case "sendError" -> done.add("error " + args[0]);
                default -> throw new UnsupportedOperationException(name);
            }
            return null;
        });
    }

    private static <T> T fake(Class<T> type, BiFunction<String, Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args)));
    }
}
