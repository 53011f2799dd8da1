package dev.chorus.page;

import jakarta.json.Json;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chorus.v1 server that names its clients as the rooms contract says, for the page's name question before the
 * real server does: each connection gets the next id and the name its {@code ?name=} asked for (else
 * {@code Client(N)}) in its welcome, which lists only itself. Every name asked for is recorded; commands are
 * ignored.
 */
@ServerEndpoint(value = "/", subprotocols = "chorus.v1")
public class NamingEndpoint {

    /** The {@code name} of each connection, in order, %-decoded; empty for none. */
    static final Queue<String> NAMES = new ConcurrentLinkedQueue<>();

    private static final AtomicInteger IDS = new AtomicInteger();

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> asked = session.getRequestParameterMap().get("name");
        NAMES.add(asked == null ? "" : asked.get(0));
        int id = IDS.incrementAndGet();
        String name = asked == null ? "Client(" + id + ")" : asked.get(0);
        session.getBasicRemote()
                .sendText(Json.createObjectBuilder()
                        .add("type", "welcome")
                        .add("id", id)
                        .add("name", name)
                        .add("members", Json.createArrayBuilder().add(id))
                        .add("names", Json.createObjectBuilder().add(String.valueOf(id), name))
                        .add("seq", 0)
                        .build()
                        .toString());
    }

    @OnMessage
    public void command(String text) {
        // The page asks for the history; there is none.
    }

    static void reset() {
        NAMES.clear();
        IDS.set(0);
    }
}
