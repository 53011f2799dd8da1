package dev.chorus.launcher;

import dev.chorus.endpoint.ChatEndpoint;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The Tyrus container behind the launcher: it owns the WebSocket engine with {@link ChatEndpoint} at the root and
 * {@link dev.chorus.endpoint.RoomEndpoint} at {@code /rooms/NAME} (or another endpoint, for the benchmark's
 * baseline) and binds nothing itself; {@link ChorusServer} attaches
 * it to a Grizzly listener.
 */
final class ChatContainer extends TyrusServerContainer {

    /** Endpoints are registered relative to the application root, which is the server root here. */
    private static final String CONTEXT_PATH = "";

    /** Tyrus's own default: what its engine may hold of a connection's unparsed input. */
    private static final int TYRUS_INCOMING_BUFFER = 4 * 1024 * 1024;

    /** Room beyond one whole frame for what the same read brings of the next. */
    private static final int NEXT_FRAME_ROOM = 1024 * 1024;

    private final WebSocketEngine engine;
    private final Set<Extension> extensions;

    /**
     * @param maxMessageBytes the largest message a client may send: Tyrus must be able to hold a frame that
     *     size (larger frames never reach it, see {@link FrameCheck}), or it would close with its own 1011
     * @param extensions what the endpoint may negotiate (Tyrus offers an annotated endpoint its container's
     *     installed extensions): permessage-deflate when compression is on, else nothing
     */
    ChatContainer(Set<Class<?>> endpoints, int maxMessageBytes, Set<Extension> extensions) {
        super(Set.copyOf(endpoints));
        this.extensions = Set.copyOf(extensions);
        int incoming = (int)
                Math.min(Integer.MAX_VALUE, Math.max(TYRUS_INCOMING_BUFFER, (long) maxMessageBytes + NEXT_FRAME_ROOM));
        this.engine =
                TyrusWebSocketEngine.builder(this).incomingBufferSize(incoming).build();
    }

    /** Registers the endpoints; call before the listener accepts connections. */
    void deploy() throws DeploymentException {
        try {
            start(CONTEXT_PATH, 0);
        } catch (java.io.IOException e) {
            throw new DeploymentException("Tyrus could not start", e);
        }
    }

    String contextPath() {
        return CONTEXT_PATH;
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, CONTEXT_PATH);
    }

    @Override
    public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
        engine.register(serverEndpointConfig, CONTEXT_PATH);
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return extensions;
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }
}
