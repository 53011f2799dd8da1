package dev.chorus.web;

import dev.chorus.handshake.UpgradeRequest;
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
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/index.html";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isRoot(request) && !isUpgrade(request)) {
            request.getRequestDispatcher(PAGE).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isRoot(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() || path.equals("/");
    }

    /** Only a WebSocket upgrade: clients such as Java's HttpClient offer {@code Upgrade: h2c} on plain GETs. */
    private static boolean isUpgrade(HttpServletRequest request) {
        return UpgradeRequest.asksForWebSocket(ServletGate.values(request, "Upgrade"));
    }
}
