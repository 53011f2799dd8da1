package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.naming.ClientName;
import dev.chorus.testing.DefaultNames;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RecordingListener;
import dev.chorus.testing.SentAway;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import dev.chorus.v1.ChorusV1;
import dev.chorus.v1.Events;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The long-running client under chorus.v1, against a real launcher: after a reconnect it resumes with ?since=. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResumingClientTest {

    private static final ClientOptions V1 =
            ClientOptions.defaults().withHandshakeTimeout(Peer.WAIT).withSubprotocols(List.of(ChorusV1.NAME));
    private static final Backoff QUICKLY = Backoff.exponential(Duration.ofMillis(50), Duration.ofMillis(400));

    @Test
    void whatWasSaidWhileItWasAwayArrivesExactlyOnceInOrderThenLiveMessages() throws Exception {
        RecordingListener events = new RecordingListener();
        try (ChorusServer server = TestServers.start(Map.of());
                ReconnectingClient client = ReconnectingClient.start(server.uri(), V1, QUICKLY, Pings.NONE, events)) {
            events.expect("open");
            events.expect("text " + Events.welcome(1, ClientName.of(1), "/", DefaultNames.of(1L), 0));
            try (V1Peer talker = V1Peer.join(server.uri())) {
                events.expect("text " + Events.joined(2, ClientName.of(2)));
                client.connection()
                        .get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS)
                        .send("{\"type\":\"say\",\"text\":\"hi\"}");
                events.expect("text " + said(1, 1, "hi"));
                assertEquals("hi", talker.nextSaid().getString("text"));

                SentAway away = SentAway.client(server, 1);
                try {
                    events.expect("close 1001 disconnected by operator");
                    talker.awaitPresence("left", 1);
                    for (int i = 1; i <= 10; i++) {
                        talker.say("missed " + i);
                        assertEquals("missed " + i, talker.nextSaid().getString("text"));
                    }
                } finally {
                    away.close();
                }

                events.skipTo("open"); // after as many refused attempts (503) as the maintenance took
                events.expect("text " + Events.welcome(3, ClientName.of(3), "/", DefaultNames.of(2L, 3L), 11));
                for (int i = 1; i <= 10; i++) {
                    events.expect("text " + said(1 + i, 2, "missed " + i));
                }
                talker.say("live");
                events.expect("text " + said(12, 2, "live"));
                assertEquals(OptionalLong.of(12), client.lastSeq());
            }
        }
    }

    @Test
    void withoutChorusV1ItReconnectsToTheUriAsGivenAndNothingIsReplayed() throws Exception {
        RecordingListener events = new RecordingListener();
        ClientOptions plain = V1.withSubprotocols(List.of());
        try (ChorusServer server = TestServers.start(Map.of());
                ReconnectingClient client =
                        ReconnectingClient.start(server.uri(), plain, QUICKLY, Pings.NONE, events)) {
            events.expect("open");
            events.expect("text " + Peer.GREETING);
            try (Peer talker = Peer.join(server.uri())) {
                events.expect("text " + Peer.GREETING);
                SentAway away = SentAway.client(server, 1);
                try {
                    events.expect("close 1001 disconnected by operator");
                    talker.say("missed");
                    talker.expect("Client(2) said: missed");
                } finally {
                    away.close();
                }
                events.skipTo("open");
                events.expect("text " + Peer.GREETING);
                talker.say("live");
                events.expect("text Client(2) said: live");
            }
            assertEquals(OptionalLong.empty(), client.lastSeq());
        }
    }

    private static String said(long seq, int from, String text) {
        return Events.said(seq, from, ClientName.of(from), text);
    }
}
