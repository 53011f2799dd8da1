package dev.chorus.launcher;

import dev.chorus.endpoint.ChatEndpoint;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The Tyrus container behind the launcher: it owns the WebSocket engine with {@link ChatEndpoint} (or another
 * endpoint, for the benchmark's baseline) at the root and binds nothing itself; {@link ChorusServer} attaches
 * it to a Grizzly listener.
 */
final class ChatContainer extends TyrusServerContainer {

    /** Endpoints are registered relative to the application root, which is the server root here. */
    private static final String CONTEXT_PATH = "";

    private final WebSocketEngine engine;

    ChatContainer(Class<?> endpoint) {
        super(Set.of(endpoint));
        this.engine = TyrusWebSocketEngine.builder(this).build();
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
    public Map<String, Object> getProperties() {
        return Map.of();
    }
}
