package dev.chorus.web;

import dev.chorus.chat.ChatRoom;
import dev.chorus.chat.Hosting;
import dev.chorus.chat.Housekeeper;
import dev.chorus.endpoint.Rooms;
import dev.chorus.settings.Settings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.WebSocketContainer;
import jakarta.websocket.server.ServerContainer;
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

    /** The settings are read here, once for the deployment; everything else is handed the room built from them. */
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Settings settings = Settings.fromEnvironment();
        ThreadFactory threads = threads();
        ChannelCloseWatch closes = new ChannelCloseWatch(settings.closeTimeout(), threads);
        context.setAttribute(CLOSE_WATCH, closes);
        ChatRoom room = new ChatRoom(
                settings,
                new Hosting(threads, new GrizzlyBacklogWire(), closes, ContainerPeers::of, Hosting.FROM_SESSIONS));
        room.metrics().watchCloses(closes::pending);
        Deployed.hold(context, room);
        Rooms.serve(webSocketContainer(context), room);
        OpsRegistration.mount(context, room);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            Deployed.room(context).stop();
        } finally {
            Rooms.withdraw(webSocketContainer(context));
            if (context.getAttribute(CLOSE_WATCH) instanceof ChannelCloseWatch closes) {
                closes.close();
            }
        }
    }

    /** The container's WebSocket container for this WAR: the one its sessions name as theirs. */
    private static WebSocketContainer webSocketContainer(ServletContext context) {
        if (context.getAttribute(ServerContainer.class.getName()) instanceof WebSocketContainer container) {
            return container;
        }
        throw new IllegalStateException("the server offers no WebSocket container to this application");
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
