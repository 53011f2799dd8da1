package dev.chorus.page;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A chorus.v1 server with a script, for what a real one sends only in rare cases: a node of several whose
 * history lacks seqs in between (trimmed from the Redis stream while it was cut off) replays the ones it keeps
 * after a gap that also counts the ones in between. The first connection gets a welcome (seq 2) and said 3;
 * the second (the page's reconnect) a welcome (seq 7), a gap of 2 (5 and 6) and said 4 and 7; both are then
 * closed with 1001. The third is welcomed and left open. Every {@code since} asked for is recorded.
 */
@ServerEndpoint(value = "/", subprotocols = "chorus.v1")
public class HoleyReplayEndpoint {

    /** The since of each connection, in order; empty for none. */
    static final Queue<String> SINCES = new ConcurrentLinkedQueue<>();

    static final String CLOSED = "scripted close";

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> since = session.getRequestParameterMap().get("since");
        SINCES.add(since == null ? "" : since.get(0));
        List<String> script =
                switch (SINCES.size()) {
                    case 1 -> List.of(welcome(2), said(3, "three"));
                    case 2 -> List.of(welcome(7), "{\"type\":\"gap\",\"missed\":2}", said(4, "four"), said(7, "seven"));
                    default -> List.of(welcome(7));
                };
        for (String message : script) {
            session.getBasicRemote().sendText(message);
        }
        if (SINCES.size() < 3) {
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, CLOSED));
        }
    }

    private static String welcome(long seq) {
        return "{\"type\":\"welcome\",\"id\":1,\"members\":[1],\"seq\":" + seq + "}";
    }

    private static String said(long seq, String text) {
        return "{\"type\":\"said\",\"seq\":" + seq + ",\"from\":9,\"text\":\"" + text + "\"}";
    }
}
