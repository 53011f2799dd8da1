package dev.chorus.web;

import dev.chorus.chat.ChatRoom;
import dev.chorus.connection.Connection;
import dev.chorus.handshake.HandshakeRules;
import dev.chorus.handshake.Rejection;
import dev.chorus.handshake.RemoteHost;
import dev.chorus.handshake.UpgradeRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies {@link HandshakeRules} to WebSocket upgrade requests in the WAR, before the container upgrades: a
 * bad request gets its HTTP status here, the same as on the launcher, the connection caps included. (The
 * handshake deadline is the launcher's; in a container, the server's own listener timeouts apply.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HandshakeGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient ChatRoom room;
    private transient HandshakeRules rules;

    @Override
    public void init(FilterConfig config) {
        room = Deployed.room(config.getServletContext());
        rules = HandshakeRules.from(room.settings().handshake());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        UpgradeRequest upgrade = new UpgradeRequest(request.getMethod(), request::getHeader, request.isSecure());
        Optional<Rejection> rejection = upgrade.isWebSocketUpgrade()
                ? rules.check(upgrade, room.audience().size(), () -> connectionsFrom(request.getRemoteAddr()))
                : Optional.empty();
        if (rejection.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Rejection refused = rejection.get();
        room.refusedUpgrade(request.getRemoteAddr(), refused);
        refused.headers().forEach(response::setHeader);
        response.setStatus(refused.status());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(refused.reason());
    }

    /** How many clients are connected from {@code address}: counted when asked, the WAR keeps no tally. */
    private int connectionsFrom(String address) {
        String host = RemoteHost.of(address);
        LongAdder count = new LongAdder();
        room.audience().forEach(session -> Connection.of(session)
                .filter(Connection::hasId)
                .flatMap(Connection::remoteHost)
                .filter(host::equals)
                .ifPresent(same -> count.increment()));
        return count.intValue();
    }
}
