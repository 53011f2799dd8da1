package dev.chorus.web;

import dev.chorus.handshake.UpgradeRequest;
import dev.chorus.pages.PageRoute;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a plain {@code GET} of the application root with the chat page, and lets a WebSocket upgrade of
 * the same URL through to the endpoint.
 *
 * <p>Why not a welcome file: Undertow (WildFly) resolves welcome files before any filter runs, so an upgrade
 * of {@code /chorus/} would reach the WebSocket filter as {@code /chorus/index.html} and get the page (200)
 * instead of 101. {@code WEB-INF/web.xml} therefore names no real welcome file, and this filter serves the
 * page on both containers alike.
 *
 * <p>Each room's page is served the same way at {@code /rooms/NAME/} (with its files beside it), as {@link
 * PageRoute} says: {@code /rooms/NAME} is redirected there and anything else under {@code /rooms/} is 404.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/index.html";
    private static final int PERMANENT_REDIRECT = 308;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isUpgrade(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/")) {
            request.getRequestDispatcher(PAGE).forward(request, response);
            return;
        }
        PageRoute route = PageRoute.of(path);
        if (route instanceof PageRoute.Serve serve) {
            request.getRequestDispatcher("/" + serve.file()).forward(request, response);
        } else if (route instanceof PageRoute.Redirect redirect) {
            response.setStatus(PERMANENT_REDIRECT);
            response.setHeader(
                    "Location",
                    PageRoute.withQuery(request.getContextPath() + redirect.location(), request.getQueryString()));
        } else if (route instanceof PageRoute.Missing) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Only a WebSocket upgrade: clients such as Java's HttpClient offer {@code Upgrade: h2c} on plain GETs. */
    private static boolean isUpgrade(HttpServletRequest request) {
        return UpgradeRequest.asksForWebSocket(ServletGate.values(request, "Upgrade"));
    }
}
