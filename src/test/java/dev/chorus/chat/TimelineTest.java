package dev.chorus.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.broadcast.Audience;
import dev.chorus.broadcast.OutboxLimits;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the timeline does when a session's callbacks overlap, driven directly with a stand-in session. */
class TimelineTest {

    private final Timeline timeline = new Timeline(10, new OutboxLimits(1024, 10, Duration.ofSeconds(10)));

    @Test
    void aSessionThatClosedBeforeItsJoinStepRanIsNeverAdmitted() {
        Session dropped = closedSession();
        // On Tyrus a dropped connection's onClose may run while its onOpen still waits for a turn.
        timeline.leave(dropped, 1, () -> {});
        timeline.join(dropped, 1, OptionalLong.empty());
        assertEquals("a connecting client", Audience.nameOf(dropped), "Audience.join never ran for it");
    }

    @Test
    void aTutorialClientIsGreetedInItsJoinsPlaceAndHearsExactlyWhatComesAfterIt() {
        List<String> toA = new ArrayList<>();
        List<String> toB = new ArrayList<>();
        Session a = openSession(1, toA);
        Session b = openSession(2, toB);
        try {
            // A becomes a member first, but B's join reaches the bus first (another node, or a slow thread).
            timeline.join(a, 1, OptionalLong.empty());
            timeline.join(b, 2, OptionalLong.empty());
            timeline.joined(2);
            timeline.say(2, "before A's join");
            timeline.joined(1);
            timeline.say(2, "after A's join");

            assertEquals(List.of(ChatLines.GREETING, ChatLines.said(2, "after A's join")), toA);
            assertEquals(
                    List.of(
                            ChatLines.GREETING,
                            ChatLines.said(2, "before A's join"),
                            ChatLines.GREETING,
                            ChatLines.said(2, "after A's join")),
                    toB);
        } finally {
            Audience.leave(a);
            Audience.leave(b);
        }
    }

    /** An open session whose every text send completes at once, recorded in {@code sent}. */
    private static Session openSession(int id, List<String> sent) {
        Map<String, Object> properties = new HashMap<>();
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                RemoteEndpoint.Async.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("sendText") || args.length != 2) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.add((String) args[0]);
                    ((SendHandler) args[1]).onResult(new SendResult());
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(
                Session.class.getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "isOpen" -> true;
                        case "getUserProperties" -> properties;
                        case "getNegotiatedSubprotocol" -> "";
                        case "getAsyncRemote" -> remote;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        Member.attach(session, id);
        return session;
    }

    /** A session that is already closed: only what the timeline asks of such a session is answered. */
    private static Session closedSession() {
        Map<String, Object> properties = new HashMap<>();
        return (Session) Proxy.newProxyInstance(
                Session.class.getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "isOpen" -> false;
                        case "getUserProperties" -> properties;
                        case "getNegotiatedSubprotocol" -> "";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
