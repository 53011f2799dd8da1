package dev.chorus.contract;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.Peer;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What clients that misbehave on purpose get, with the default settings, written once and run against every
 * deployment where the behaviour is Chorus's own: one bad message or one flood never silences anyone else, and
 * what a client chooses never grows the server's metrics without bound.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public interface HostileClientsContract {

    /** A chorus.v1 {@code say} whose text is a lone surrogate: valid JSON, but no valid Unicode text. */
    String LONE_SURROGATE_SAY = "{\"type\":\"say\",\"text\":\"\\ud800\"}";

    /** The largest message the default settings let through (64 KiB). */
    int MAX_MESSAGE_BYTES = 65_536;

    /** Limits crossed, by reason, on every deployment's metrics. */
    String LIMITS_CROSSED = "chorus_limits_crossed_total";

    String BYTE_RATE = "byte-rate-limit-exceeded";

    /** How many maximal messages the flooder tries to send: far more than any default allows. */
    int FLOOD = 100;

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/} or {@code ws://127.0.0.1:PORT/chorus/}. */
    URI chatUri();

    /** Where this deployment serves its Prometheus metrics. */
    URI metricsUri();

    @Test
    default void aSayWithALoneSurrogateClosesItsSenderWith1007AndEveryoneElseKeepsHearing() throws Exception {
        try (Peer plain = Peer.join(chatUri());
                V1Peer reader = V1Peer.join(chatUri());
                V1Peer sender = V1Peer.join(chatUri())) {
            plain.expect(GREETING);
            plain.expect(GREETING);

            sender.send(LONE_SURROGATE_SAY);

            V1Peer.Closed closed = sender.awaitClose();
            assertEquals(1007, closed.code(), closed::toString);
            int speaker = plain.sayAndLearnId("still heard");
            JsonObject said = reader.nextSaid();
            assertEquals("still heard", said.getString("text"), reader::describeSeen);
            assertEquals(speaker, said.getInt("from"), reader::describeSeen);
            try (V1Peer later = V1Peer.join(chatUri())) {
                later.askHistory();
                JsonObject history = later.nextChat();
                assertTrue(
                        history.toString().indexOf("\\ud800") < 0
                                && history.toString().indexOf('\ud800') < 0,
                        () -> "the refused text was kept: " + history);
            }
        }
    }

    /**
     * A tutorial client floods maximal messages of control characters, which chorus.v1 renders six bytes each
     * ({@code \u0001}): the flooder is cut off by the byte rate, and the chorus.v1 readers are not evicted.
     */
    @Test
    default void aFloodOfControlCharactersIsCutOffWhileChorusV1ReadersKeepUp() throws Exception {
        double crossedBefore = Scrape.of(metricsUri()).value(LIMITS_CROSSED, "reason", BYTE_RATE);
        try (V1Peer first = V1Peer.join(chatUri());
                V1Peer second = V1Peer.join(chatUri());
                Peer flooder = Peer.join(chatUri())) {
            String controls = "\u0001".repeat(MAX_MESSAGE_BYTES - "x".length()) + "x";
            for (int i = 0; i < FLOOD && !flooder.client().closed().isDone(); i++) {
                try {
                    flooder.say(controls);
                } catch (IOException e) {
                    break; // closed under it: that is the point
                }
            }
            var reason = flooder.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            // 1008, or 1006 where the container ended the connection while the flooder was still writing and
            // its client never read the close frame (seen on Payara): the server's own count says why.
            assertTrue(Set.of(1008, 1006).contains(reason.getCloseCode().getCode()), reason::toString);
            Scrape.awaitAtLeast(
                    metricsUri(),
                    crossedBefore + 1,
                    LIMITS_CROSSED + "{reason=" + BYTE_RATE + "}",
                    scrape -> scrape.value(LIMITS_CROSSED, "reason", BYTE_RATE));
            try (Peer after = Peer.join(chatUri())) {
                after.say("after the flood");
                for (V1Peer reader : new V1Peer[] {first, second}) {
                    awaitSaid(reader, "after the flood");
                }
            }
        }
    }

    /** Codes 3000–4999 (every 25th, and 4999): a bounded number of new {@code chorus_closes_total} series. */
    @Test
    default void closeCodesChosenByClientsInBulkKeepTheClosesMetricBounded() throws Exception {
        Scrape before = Scrape.of(metricsUri());
        int closes = 0;
        for (int code = 3000; code <= 4999; code = code == 4975 ? 4999 : code + 25) {
            try (Peer peer = Peer.join(chatUri())) {
                peer.client().close(code, "chosen");
                peer.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            closes++;
        }
        // Closes are counted when the server hears of them, a moment after the client does.
        Scrape after = Scrape.awaitAtLeast(
                metricsUri(),
                before.sum("chorus_closes_total") + closes,
                "closes counted",
                scrape -> scrape.sum("chorus_closes_total"));
        Set<String> added = new TreeSet<>(after.labelValues("chorus_closes_total", "code"));
        added.removeAll(before.labelValues("chorus_closes_total", "code"));
        int chosen = closes;
        assertTrue(added.size() <= 2, () -> chosen + " client-chosen codes made new series: " + added);
    }

    /** Reads {@code reader}'s events until a {@code said} with {@code text}; fails if it was closed instead. */
    private static void awaitSaid(V1Peer reader, String text) throws InterruptedException {
        while (true) {
            JsonObject said = reader.nextSaid();
            if (text.equals(said.getString("text"))) {
                return;
            }
        }
    }
}
