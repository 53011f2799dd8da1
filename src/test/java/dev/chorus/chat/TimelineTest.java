package dev.chorus.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.broadcast.Audience;
import dev.chorus.broadcast.OutboxLimits;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
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
