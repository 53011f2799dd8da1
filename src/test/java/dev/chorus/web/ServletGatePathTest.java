package dev.chorus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WAR shows the gate the path within its context, so rooms are {@code /rooms/NAME} wherever it is deployed. */
class ServletGatePathTest {

    @ParameterizedTest(name = "''{1}'' under context ''{0}'' is ''{2}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|/|/",
                "''|/rooms/lobby|/rooms/lobby",
                "/chorus|/chorus/|/",
                "/chorus|/chorus|''",
                "/chorus|/chorus/rooms/lobby|/rooms/lobby",
                "/chorus|/chorus/rooms/a%2Fb|/rooms/a%2Fb"
            })
    void theGateSeesThePathWithinTheContext(String context, String uri, String path) {
        assertEquals(path, ServletGate.pathInContext(request(context, uri)));
    }

    private static HttpServletRequest request(String context, String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> context;
                    case "getRequestURI" -> uri;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
