package dev.chorus.web;

import dev.chorus.chat.ChatRoom;
import dev.chorus.handshake.ConnectionCaps;
import dev.chorus.handshake.Forwarding;
import dev.chorus.handshake.HandshakeRules;
import dev.chorus.handshake.UpgradeGate;
import dev.chorus.handshake.UpgradeRequest;
import dev.chorus.handshake.Verdict;
import dev.chorus.settings.Settings;
import dev.chorus.settings.TrustedProxies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The WAR's adapter of the {@link UpgradeGate}: shows it each request before the container's WebSocket filter
 * does (declared filters run first on Payara and WildFly), answers a refusal, and holds an admitted upgrade's
 * place under the caps until its session ends ({@link HeldSlots}). The WAR trusts no proxy: the client is the
 * connection's peer. (The handshake deadline is the launcher's; in a container, its own listener timeouts apply.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ServletGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int SWITCHING_PROTOCOLS = 101;

    private transient UpgradeGate gate;
    private transient HeldSlots held;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        ServletContext context = config.getServletContext();
        ChatRoom room = Deployed.room(context);
        Settings settings = room.settings();
        held = new HeldSlots();
        gate = new UpgradeGate(
                room,
                HandshakeRules.from(settings.handshake()),
                ConnectionCaps.from(settings.handshake()),
                new Forwarding(TrustedProxies.NONE),
                settings.operations().retryAfterSeconds(),
                settings.handshake().tokenKey());
        room.whenEnded(held::ended);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Verdict verdict = gate.decide(new UpgradeRequest(
                request.getMethod(),
                pathInContext(request),
                name -> values(request, name),
                request.getRemoteAddr(),
                request.isSecure(),
                request.getQueryString()));
        if (verdict instanceof Verdict.Refuse refused) {
            refuse(response, refused);
            return;
        }
        if (!(verdict instanceof Verdict.Admit admitted)) {
            chain.doFilter(request, response);
            return;
        }
        held.hold(admitted.slot());
        boolean upgraded = false;
        try {
            chain.doFilter(request, response);
            upgraded = response.getStatus() == SWITCHING_PROTOCOLS;
        } finally {
            if (!upgraded) {
                held.giveBackOne(admitted.slot().address());
            }
        }
    }

    /** The one translation of a refusal for a servlet container: the verdict's status, headers and body. */
    private static void refuse(HttpServletResponse response, Verdict.Refuse refused) throws IOException {
        refused.headers().forEach(response::setHeader);
        response.setStatus(refused.status());
        response.setContentType(refused.contentType());
        byte[] body = refused.bodyBytes();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The request's path with the context path left off, undecoded like the launcher's: {@code /} or {@code
     * /rooms/NAME} whatever the WAR is deployed under.
     */
    static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null) {
            return "/";
        }
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Every value of header {@code name}; none if the container keeps headers to itself. */
    static List<String> values(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** What {@link ChatLifecycle} put in the context under {@code type}'s name: one of each per deployment. */
    private static <T> T attribute(ServletContext context, Class<T> type) throws ServletException {
        Object value = context.getAttribute(type.getName());
        if (!type.isInstance(value)) {
            throw new ServletException("no " + type.getSimpleName() + " in the servlet context: is ChatLifecycle on?");
        }
        return type.cast(value);
    }
}
