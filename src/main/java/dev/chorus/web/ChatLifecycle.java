package dev.chorus.web;

import dev.chorus.broadcast.Audience;
import dev.chorus.chat.ChatRoom;
import dev.chorus.chat.Housekeeper;
import dev.chorus.settings.Settings;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Starts the chat room when the WAR is deployed (a bad setting fails the deployment with its message) and
 * stops it when the WAR is undeployed or the server stops: every client gets 1001, the background thread ends.
 * ({@link DrainOnUndeploy} has usually stopped it already, earlier; then this does nothing.)
 */
@WebListener
public class ChatLifecycle implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(ChatLifecycle.class.getName());
    /** Jakarta Concurrency's default managed thread factory, present on every full Jakarta EE server. */
    private static final String MANAGED_THREADS = "java:comp/DefaultManagedThreadFactory";

    private static final String CLOSE_WATCH = ChannelCloseWatch.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Settings settings = Settings.fromEnvironment();
        ThreadFactory threads = threads();
        ChannelCloseWatch closes = new ChannelCloseWatch(settings.closeTimeout(), threads);
        event.getServletContext().setAttribute(CLOSE_WATCH, closes);
        Audience.useCloseWatch(closes);
        Audience.useWire(new GrizzlyBacklogWire());
        ChatRoom room = new ChatRoom(settings, threads);
        room.metrics().watchCloses(closes::pending);
        ChatRoom.install(room);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            ChatRoom.stopCurrent();
        } finally {
            if (event.getServletContext().getAttribute(CLOSE_WATCH) instanceof ChannelCloseWatch closes) {
                closes.close();
            }
        }
    }

    private static ThreadFactory threads() {
        try {
            return (ThreadFactory) new InitialContext().lookup(MANAGED_THREADS);
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.INFO, "No managed thread factory at " + MANAGED_THREADS + "; using a daemon thread");
            return Housekeeper.daemonThreads();
        }
    }
}
