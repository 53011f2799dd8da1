package dev.chorus.web;

import dev.chorus.admin.AdminEndpoint;
import dev.chorus.admin.ConnectionCutter;
import dev.chorus.admin.Controls;
import dev.chorus.chat.ChatRoom;
import dev.chorus.health.HealthEndpoint;
import dev.chorus.metrics.MetricsEndpoint;
import dev.chorus.settings.Operations;
import dev.chorus.settings.Settings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;

/**
 * Mounts the operations endpoints under the context path as the settings say: metrics at
 * {@code --metrics-path}, health at {@code --health-path}, and {@code /admin/*} only when an admin token is
 * set (otherwise nothing is there: 404). Servlets are added in code because the paths are settings.
 */
@WebListener
public class OpsRegistration implements ServletContextListener {

    /** Where the admin endpoints live in a WAR. */
    static final String ADMIN_PATH = "/admin";

    private static final System.Logger LOG = System.getLogger(OpsRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Operations ops = Settings.fromEnvironment().operations();
        ops.metricsPath().ifPresent(path -> mount(context, "chorus-metrics", metrics(), path));
        ops.healthPath().ifPresent(path -> mount(context, "chorus-health", health(), path + "/*"));
        ops.adminToken().ifPresent(token -> mount(context, "chorus-admin", admin(token), ADMIN_PATH + "/*"));
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

    private static OpsServlet metrics() {
        return new OpsServlet(new MetricsEndpoint(() -> ChatRoom.current().metrics()));
    }

    private static OpsServlet health() {
        return new OpsServlet(new HealthEndpoint(() -> ChatRoom.current().admission()));
    }

    /** A container gives no way to drop a WebSocket abruptly: that mode answers 501 here. */
    private static OpsServlet admin(String token) {
        return new OpsServlet(
                new AdminEndpoint(token, () -> new Controls(ChatRoom.current(), ConnectionCutter.UNAVAILABLE)));
    }
}
