package dev.chorus.web;

import dev.chorus.broadcast.Audience;
import dev.chorus.handshake.HandshakeRules;
import dev.chorus.handshake.Rejection;
import dev.chorus.handshake.UpgradeRequest;
import dev.chorus.settings.Settings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Applies {@link HandshakeRules} to WebSocket upgrade requests in the WAR, before the container upgrades: a
 * bad request gets its HTTP status here, the same as on the launcher. (The per-address cap and the handshake
 * deadline are the launcher's; in a container, the server's own connection limits apply.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HandshakeGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(HandshakeGuard.class.getName());

    private transient HandshakeRules rules;

    @Override
    public void init(FilterConfig config) {
        rules = Settings.fromEnvironment().handshake().rules();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        UpgradeRequest upgrade = new UpgradeRequest(request.getMethod(), request::getHeader, request.isSecure());
        Optional<Rejection> rejection =
                upgrade.isWebSocketUpgrade() ? rules.check(upgrade, Audience.size()) : Optional.empty();
        if (rejection.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Rejection refused = rejection.get();
        LOG.log(
                Level.INFO,
                "Refused an upgrade from {0}: {1,number,#} {2}",
                request.getRemoteAddr(),
                refused.status(),
                refused.reason());
        dev.chorus.chat.ChatRoom.current().metrics().handshakeRefused(refused.status());
        refused.headers().forEach(response::setHeader);
        response.setStatus(refused.status());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(refused.reason());
    }
}
