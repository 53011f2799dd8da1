package dev.chorus.web;

import dev.chorus.admin.AdminEndpoint;
import dev.chorus.admin.ConnectionCutter;
import dev.chorus.admin.Controls;
import dev.chorus.admin.DirectoryPublishing;
import dev.chorus.admin.Publishing;
import dev.chorus.admin.RoomsApi;
import dev.chorus.chat.ChatRoom;
import dev.chorus.health.HealthEndpoint;
import dev.chorus.metrics.MetricsEndpoint;
import dev.chorus.settings.Operations;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;

/**
 * Mounts the operations endpoints under the context path as the settings say: metrics at
 * {@code --metrics-path}, health at {@code --health-path}, and {@code /admin/*} only when an admin token is
 * set (otherwise nothing is there: 404). Servlets are added in code because the paths are settings.
 */
final class OpsRegistration {

    /** Where the admin endpoints live in a WAR. */
    static final String ADMIN_PATH = "/admin";

    private static final System.Logger LOG = System.getLogger(OpsRegistration.class.getName());

    private OpsRegistration() {}

    /** Adds to {@code context} the operations endpoints of {@code room} that its settings turn on. */
    static void mount(ServletContext context, ChatRoom room) {
        Operations ops = room.settings().operations();
        ops.metricsPath().ifPresent(path -> mount(context, "chorus-metrics", metrics(room), path));
        ops.healthPath().ifPresent(path -> mount(context, "chorus-health", health(room), path + "/*"));
        ops.adminToken().ifPresent(token -> mount(context, "chorus-admin", admin(room, token), ADMIN_PATH + "/*"));
        LOG.log(
                Level.INFO,
                "Operations endpoints under {0}: metrics {1}, health {2}, admin {3}",
                context.getContextPath().isEmpty() ? "/" : context.getContextPath(),
                ops.metricsPath().orElse("off"),
                ops.healthPath().orElse("off"),
                ops.adminToken().isPresent() ? ADMIN_PATH : "off");
    }

    private static void mount(ServletContext context, String name, OpsServlet servlet, String mapping) {
        context.addServlet(name, servlet).addMapping(mapping);
    }

    private static OpsServlet metrics(ChatRoom room) {
        return new OpsServlet(new MetricsEndpoint(room::metrics), OpsServlet.MAX_BODY);
    }

    private static OpsServlet health(ChatRoom room) {
        return new OpsServlet(new HealthEndpoint(room::admission), OpsServlet.MAX_BODY);
    }

    /** A container gives no way to drop a WebSocket abruptly: that mode answers 501 here. */
    private static OpsServlet admin(ChatRoom room, String token) {
        Publishing publishing = new DirectoryPublishing(room.directory());
        return new OpsServlet(
                new AdminEndpoint(
                        token,
                        () -> new Controls(room, ConnectionCutter.UNAVAILABLE),
                        RoomsApi.of(room.settings(), () -> publishing)),
                room.settings().inboundLimits().maxMessageBytes());
    }
}
