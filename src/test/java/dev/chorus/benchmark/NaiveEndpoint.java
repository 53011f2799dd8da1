package dev.chorus.benchmark;

import dev.chorus.chat.ChatLines;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline: the tutorial done the naive Tyrus way. A static session set and a loop of unbounded
 * {@code getAsyncRemote().sendText} per broadcast, with the same lines Chorus sends. It is deliberately not
 * broken beyond that (a failing session does not stop the loop), so the benchmark compares designs, not bugs.
 */
@ServerEndpoint("/")
public class NaiveEndpoint {

    private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger LAST_ID = new AtomicInteger();
    private static final String ID = "naive.id";

    @OnOpen
    public void open(Session session) {
        session.getUserProperties().put(ID, LAST_ID.incrementAndGet());
        SESSIONS.add(session);
        broadcast(ChatLines.GREETING);
    }

    @OnMessage
    public void text(Session session, String text) {
        broadcast(ChatLines.said((Integer) session.getUserProperties().get(ID), text));
    }

    @OnClose
    public void close(Session session) {
        SESSIONS.remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        SESSIONS.remove(session);
    }

    private static void broadcast(String line) {
        for (Session session : SESSIONS) {
            try {
                session.getAsyncRemote().sendText(line);
            } catch (RuntimeException e) {
                // The session is closing; its @OnClose removes it. The others still get the line.
            }
        }
    }
}
