package dev.chorus.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Drains and stops the room when the container takes the application's filters down, which the Servlet spec
 * puts before any {@code contextDestroyed}. That is the WAR's earliest notice of its end, and it matters on
 * WildFly: Undertow closes every WebSocket itself ({@code 1001} without a reason, nothing drained) from a
 * listener it adds after the application's own, so its {@code contextDestroyed} runs before
 * {@link ChatLifecycle}'s. It filters nothing.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DrainOnUndeploy extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
        Deployed.room(getServletContext()).stop();
    }
}
