package dev.chorus.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.broadcast.BroadcastListener;
import dev.chorus.broadcast.CloseWatch;
import dev.chorus.broadcast.Wire;
import dev.chorus.bus.BusEvent;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import dev.chorus.settings.InboundLimits;
import dev.chorus.settings.OutboxLimits;
import dev.chorus.testing.DefaultNames;
import dev.chorus.testing.TestServers;
import dev.chorus.v1.ChorusV1;
import dev.chorus.v1.Events;
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
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the timeline does when a session's callbacks overlap, driven directly with a stand-in session. */
class TimelineTest {

    private static final InboundLimits INBOUND = TestServers.settings(Map.of()).inboundLimits();

    private final Audience audience = new Audience(BroadcastListener.NONE, Wire.PORTABLE, CloseWatch.NONE);
    private final Timeline timeline =
            new Timeline(RoomName.ROOT, audience, 10, new OutboxLimits(1024, 10, Duration.ofSeconds(10)));

    @Test
    void aSessionThatClosedBeforeItsJoinStepRanIsNeverAdmitted() {
        Session dropped = closedSession();
        // On Tyrus a dropped connection's onClose may run while its onOpen still waits for a turn.
        timeline.leave(dropped, 1L, () -> {});
        join(dropped, OptionalLong.empty());
        assertTrue(Connection.of(dropped).orElseThrow().outbox().isEmpty(), "Audience.join never ran for it");
        assertFalse(audience.contains(dropped));
    }

    @Test
    void aTutorialClientIsGreetedInItsJoinsPlaceAndHearsExactlyWhatComesAfterIt() {
        List<String> toA = new ArrayList<>();
        List<String> toB = new ArrayList<>();
        Session a = openSession(1, toA);
        Session b = openSession(2, toB);
        try {
            // A becomes a member first, but B's join reaches the bus first (from another node).
            join(a, OptionalLong.empty());
            join(b, OptionalLong.empty());
            timeline.joined(2, ClientName.of(2));
            timeline.say(2, ClientName.of(2), "before A's join", BusEvent.Said.NUMBER_HERE);
            timeline.joined(1, ClientName.of(1));
            timeline.say(2, ClientName.of(2), "after A's join", BusEvent.Said.NUMBER_HERE);

            assertEquals(List.of(ChatLines.GREETING, ChatLines.said(2, "after A's join")), toA);
            assertEquals(
                    List.of(
                            ChatLines.GREETING,
                            ChatLines.said(2, "before A's join"),
                            ChatLines.GREETING,
                            ChatLines.said(2, "after A's join")),
                    toB);
        } finally {
            audience.leave(a);
            audience.leave(b);
        }
    }

    @Test
    void aNodeAloneNumbersItsSaidMessagesOneByOne() {
        List<String> toA = new ArrayList<>();
        Session a = openSession(1, toA, ChorusV1.NAME);
        try {
            join(a, OptionalLong.empty());
            for (int i = 0; i < 3; i++) {
                timeline.say(1, ClientName.of(1), "m" + i, BusEvent.Said.NUMBER_HERE);
            }
            assertEquals(
                    List.of(
                            Events.welcome(1, ClientName.of(1), "/", DefaultNames.of(1L), 0),
                            Events.said(1, 1, ClientName.of(1), "m0"),
                            Events.said(2, 1, ClientName.of(1), "m1"),
                            Events.said(3, 1, ClientName.of(1), "m2")),
                    toA);
        } finally {
            timeline.leave(a, 1L, () -> {});
        }
    }

    @Test
    void clusterSeqsAreUsedAsGivenKeptAndReplayedWithAnyHoleCountedAsMissed() {
        List<String> toA = new ArrayList<>();
        List<String> toB = new ArrayList<>();
        Session a = openSession(1, toA, ChorusV1.NAME);
        Session b = openSession(2, toB, ChorusV1.NAME);
        try {
            // Other nodes numbered 40 said-messages before this one started.
            timeline.startAt(40);
            join(a, OptionalLong.empty());
            timeline.say(7, ClientName.of(7), "first here", 41);
            // 42 to 44 never reached this node (trimmed from the stream while it was cut off, say).
            timeline.say(8, ClientName.of(8), "after a hole", 45);
            join(b, OptionalLong.of(40));
            timeline.say(7, ClientName.of(7), "live", 46);

            assertEquals(
                    List.of(
                            Events.welcome(1, ClientName.of(1), "/", DefaultNames.of(1L), 40),
                            Events.said(41, 7, ClientName.of(7), "first here"),
                            Events.said(45, 8, ClientName.of(8), "after a hole"),
                            Events.said(46, 7, ClientName.of(7), "live")),
                    toA);
            assertEquals(
                    List.of(
                            Events.welcome(2, ClientName.of(2), "/", DefaultNames.of(1L, 2L), 45),
                            Events.gap(3),
                            Events.said(41, 7, ClientName.of(7), "first here"),
                            Events.said(45, 8, ClientName.of(8), "after a hole"),
                            Events.said(46, 7, ClientName.of(7), "live")),
                    toB);
        } finally {
            timeline.leave(a, 1L, () -> {});
            timeline.leave(b, 2L, () -> {});
        }
    }

    @Test
    void anUnnumberedSaidMessageHasNoSeqIsNotKeptAndLeavesTheNumberingAlone() {
        List<String> toV1 = new ArrayList<>();
        List<String> toTutorial = new ArrayList<>();
        List<String> toLater = new ArrayList<>();
        Session v1 = openSession(1, toV1, ChorusV1.NAME);
        Session tutorial = openSession(2, toTutorial, "");
        Session later = openSession(3, toLater, ChorusV1.NAME);
        try {
            timeline.startAt(10);
            join(v1, OptionalLong.empty());
            join(tutorial, OptionalLong.empty());
            timeline.joined(2, ClientName.of(2));
            timeline.say(2, ClientName.of(2), "cut off", BusEvent.Said.UNNUMBERED);
            timeline.say(1, ClientName.of(1), "numbered", 11);
            join(later, OptionalLong.of(10));
            timeline.showHistory(later);

            assertEquals(
                    List.of(
                            Events.welcome(1, ClientName.of(1), "/", DefaultNames.of(1L), 10),
                            "{\"type\":\"said\",\"from\":2,\"text\":\"cut off\"}",
                            Events.said(11, 1, ClientName.of(1), "numbered")),
                    toV1);
            assertEquals(
                    List.of(ChatLines.GREETING, ChatLines.said(2, "cut off"), ChatLines.said(1, "numbered")),
                    toTutorial);
            assertEquals(
                    List.of(
                            Events.welcome(3, ClientName.of(3), "/", DefaultNames.of(1L, 2L, 3L), 11),
                            Events.said(11, 1, ClientName.of(1), "numbered"),
                            Events.history(List.of(Events.said(11, 1, ClientName.of(1), "numbered")))),
                    toLater);
        } finally {
            timeline.leave(v1, 1L, () -> {});
            timeline.leave(tutorial, 2L, () -> {});
            timeline.leave(later, 3L, () -> {});
        }
    }

    @Test
    void aClusterSeqThisNodeHasAlreadyUsedGoesOutWithoutOne() {
        List<String> toA = new ArrayList<>();
        Session a = openSession(1, toA, ChorusV1.NAME);
        try {
            join(a, OptionalLong.empty());
            timeline.say(5, ClientName.of(5), "fifty", 50);
            // Redis restarted empty and a node that had seen less raised its counter first.
            timeline.say(6, ClientName.of(6), "clashes", 49);
            timeline.say(5, ClientName.of(5), "fifty-one", 51);

            assertEquals(
                    List.of(
                            Events.welcome(1, ClientName.of(1), "/", DefaultNames.of(1L), 0),
                            Events.said(50, 5, ClientName.of(5), "fifty"),
                            Events.said(6, ClientName.of(6), "clashes"),
                            Events.said(51, 5, ClientName.of(5), "fifty-one")),
                    toA);
        } finally {
            timeline.leave(a, 1L, () -> {});
        }
    }

    @Test
    void idsPastTheLargestIntAreNamedAndNumberedExactly() {
        long big = Integer.MAX_VALUE + 1L;
        long biggest = Long.MAX_VALUE;
        List<String> toTutorial = new ArrayList<>();
        List<String> toV1 = new ArrayList<>();
        Session tutorial = openSession(big, toTutorial);
        Session v1 = openSession(biggest, toV1, ChorusV1.NAME);
        try {
            join(tutorial, OptionalLong.empty());
            timeline.joined(big, ClientName.of(big));
            join(v1, OptionalLong.empty());
            timeline.joined(biggest, ClientName.of(biggest));
            timeline.say(big, ClientName.of(big), "hello", BusEvent.Said.NUMBER_HERE);

            assertEquals(List.of(ChatLines.GREETING, ChatLines.GREETING, "Client(2147483648) said: hello"), toTutorial);
            assertEquals(
                    List.of(
                            "{\"type\":\"welcome\",\"id\":9223372036854775807,\"members\":[2147483648,"
                                    + "9223372036854775807],\"seq\":0,\"room\":\"/\","
                                    + "\"name\":\"Client(9223372036854775807)\",\"names\":{"
                                    + "\"2147483648\":\"Client(2147483648)\","
                                    + "\"9223372036854775807\":\"Client(9223372036854775807)\"}}",
                            "{\"type\":\"said\",\"seq\":1,\"from\":2147483648,\"text\":\"hello\"}"),
                    toV1);
            assertEquals("Client(9223372036854775807)", Audience.nameOf(v1));
        } finally {
            timeline.leave(tutorial, big, () -> {});
            timeline.leave(v1, biggest, () -> {});
        }
    }

    /** The timeline's join of {@code session}'s connection. */
    private boolean join(Session session, OptionalLong since) {
        return timeline.join(Connection.of(session).orElseThrow(), since);
    }

    /** An open tutorial session whose every text send completes at once, recorded in {@code sent}. */
    private static Session openSession(long id, List<String> sent) {
        return openSession(id, sent, "");
    }

    /** An open session that negotiated {@code subprotocol}, whose every text send is recorded in {@code sent}. */
    private static Session openSession(long id, List<String> sent, String subprotocol) {
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
                        case "getNegotiatedSubprotocol" -> subprotocol;
                        case "getAsyncRemote" -> remote;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        Connection.open(session, INBOUND, Optional.empty(), RoomName.ROOT, Optional.empty())
                .identify(id, ChatLines.client(id), ChatLines.client(id));
        return session;
    }

    /** A session that is already closed: only what the timeline asks of such a session is answered. */
    private static Session closedSession() {
        Map<String, Object> properties = new HashMap<>();
        Session session = (Session) Proxy.newProxyInstance(
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
        Connection.open(session, INBOUND, Optional.empty(), RoomName.ROOT, Optional.empty())
                .identify(1, ChatLines.client(1), ChatLines.client(1));
        return session;
    }
}
