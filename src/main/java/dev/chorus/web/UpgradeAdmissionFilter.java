package dev.chorus.web;

import dev.chorus.chat.ChatRoom;
import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.ops.Replies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a WebSocket upgrade away with {@code 503} and {@code Retry-After} while the room admits nobody
 * (maintenance, draining). Declared filters run before the containers' own WebSocket filters (Tyrus and
 * Undertow both map theirs after the declared ones), so a refused client never reaches the endpoint.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UpgradeAdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient ChatRoom room;
    private long retryAfterSeconds;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        room = Deployed.room(config.getServletContext());
        retryAfterSeconds = room.settings().operations().retryAfterSeconds();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isUpgrade(request)) {
            Optional<Refusal> refusal = room.admit();
            if (refusal.isPresent()) {
                refuse(response, refusal.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
        byte[] body = Replies.object()
                .add("error", "unavailable")
                .add("reason", refusal.label())
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(503);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean isUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}
