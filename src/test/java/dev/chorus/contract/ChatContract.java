package dev.chorus.contract;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.TestTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tutorial's chat behaviour, written once. A deployment (the launcher, the WAR on Payara, on WildFly)
 * runs it by implementing {@link #chatUri()}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public interface ChatContract {

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/} or {@code ws://127.0.0.1:PORT/chorus/}. */
    URI chatUri();

    @Test
    default void theNewcomerAndEveryoneAlreadyThereGetTheJoinNotice() throws Exception {
        try (Peer first = Peer.join(chatUri());
                Peer second = Peer.connect(chatUri())) {
            second.expect(GREETING);
            first.expect(GREETING);
        }
    }

    @Test
    default void textComesBackToTheSenderAndReachesEveryoneElseIdentically() throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 3);
        try {
            int id = peers.get(0).sayAndLearnId("Hello, world!");
            for (Peer other : peers.subList(1, 3)) {
                other.expect("Client(" + id + ") said: Hello, world!");
            }
        } finally {
            closeAll(peers);
        }
    }

    @Test
    default void idsAreUniqueAndIncreaseInJoinOrder() throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 3);
        try {
            List<Integer> ids = new ArrayList<>();
            for (Peer peer : peers) {
                ids.add(peer.sayAndLearnId("who am I"));
                for (Peer other : peers) {
                    if (other != peer) {
                        other.nextText();
                    }
                }
            }
            assertTrue(ids.get(0) < ids.get(1) && ids.get(1) < ids.get(2), () -> "ids in join order: " + ids);
        } finally {
            closeAll(peers);
        }
    }

    /**
     * Clients that connect at the same moment still join one after the other, in id order: each hears of the
     * joins after its own and of none before it, so the client with the lowest id hears every greeting and the
     * highest only its own. A watcher that joined first hears all of them, so every greeting is queued before
     * anyone speaks; then each client learns its id from its own line and counts the greetings before it.
     */
    @Test
    default void clientsConnectingAtOnceAreGreetedInIdOrder() throws Exception {
        int count = 8;
        ExecutorService connectors = Executors.newFixedThreadPool(count);
        // Each connector adds its socket as soon as it has one, so a failure part-way still closes them all.
        List<RawSocket> clients = Collections.synchronizedList(new ArrayList<>());
        try (Peer watcher = Peer.join(chatUri())) {
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<?>> connecting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connecting.add(connectors.submit(() -> {
                    start.await(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
                    clients.add(RawSocket.upgrade(chatUri()));
                    return null;
                }));
            }
            for (Future<?> connected : connecting) {
                connected.get(2 * Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            for (int i = 0; i < count; i++) {
                watcher.expect(GREETING);
            }
            Map<Integer, Integer> greetingsById = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                Introduced heard = sayAndCountGreetings(clients.get(i), "whoami " + i);
                greetingsById.put(heard.id(), heard.greetings());
            }
            List<Integer> expected = new ArrayList<>();
            for (int greetings = count; greetings >= 1; greetings--) {
                expected.add(greetings);
            }
            assertEquals(
                    expected, List.copyOf(greetingsById.values()), () -> "greetings heard, by id: " + greetingsById);
        } finally {
            connectors.shutdownNow();
            synchronized (clients) {
                for (RawSocket client : clients) {
                    client.close();
                }
            }
        }
    }

    /** A client's id, learnt from its own line, and how many greetings it heard before that line. */
    record Introduced(int id, int greetings) {}

    /** Says {@code text} and reads up to its echo, counting the greetings on the way. */
    private static Introduced sayAndCountGreetings(RawSocket client, String text) throws Exception {
        client.sendText(text);
        int greetings = 0;
        Pattern echo = Pattern.compile("Client\\((\\d+)\\) said: " + Pattern.quote(text));
        while (true) {
            String line = client.readFrame().text();
            Matcher own = echo.matcher(line);
            if (own.matches()) {
                return new Introduced(Integer.parseInt(own.group(1)), greetings);
            }
            if (line.equals(GREETING)) {
                greetings++;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ä é ß", "€ 中文 ☃", "😀 𝄞 🎉", "mixed: a ä € 😀"})
    default void nonAsciiTextArrivesIntact(String text) throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 2);
        try {
            peers.get(0).sayAndLearnId(text, peers.get(1));
        } finally {
            closeAll(peers);
        }
    }

    @Test
    default void emptyTextIsBroadcastLikeAnyOther() throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 2);
        try {
            peers.get(0).sayAndLearnId("", peers.get(1));
        } finally {
            closeAll(peers);
        }
    }

    @Test
    default void fiftyMessagesFromOneClientArriveCompleteAndInOrder() throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 2);
        try {
            int id = peers.get(0).sayAndLearnId("start");
            peers.get(1).nextText();
            for (int i = 0; i < 50; i++) {
                peers.get(0).say("message " + i);
            }
            for (Peer peer : peers) {
                for (int i = 0; i < 50; i++) {
                    peer.expect("Client(" + id + ") said: message " + i);
                }
            }
        } finally {
            closeAll(peers);
        }
    }

    /**
     * Two senders, released together by a barrier from threads of their own, each send 100 lines as fast as
     * they can: all of the default burst and no more, so the rate limit (50/s after bursts of 100, see
     * {@link LimitsContract}) never applies. Nobody says anything before, so each sender's id is learnt from
     * the lines themselves and must be the same for every listener.
     */
    @Test
    default void twoSendersAtOnceReachEveryoneCompleteWithEachSendersOrderKept() throws Exception {
        int count = 100;
        List<Peer> peers = Peer.joinAll(chatUri(), 3);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Future<?> a = senders.submit(() -> sayNumbered(peers.get(0), "a", count, start));
            Future<?> b = senders.submit(() -> sayNumbered(peers.get(1), "b", count, start));
            // Longer than a sender's own wait at the barrier, so a sender that fails says why.
            a.get(2 * Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            b.get(2 * Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            Map<String, Integer> ids = new HashMap<>();
            for (Peer peer : peers) {
                hearBothInEachSendersOrder(peer, count, ids);
            }
            assertNotEquals(ids.get("a"), ids.get("b"), () -> "two senders, two ids: " + ids);
        } finally {
            senders.shutdownNow();
            closeAll(peers);
        }
    }

    @Test
    default void binaryIsBroadcastAsBinaryWithTheBytesUnchanged() throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 2);
        try {
            byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0x80, 'h', 'i'};
            peers.get(0).send(ByteBuffer.wrap(bytes));
            for (Peer peer : peers) {
                assertEquals(ByteBuffer.wrap(bytes), peer.nextBinary());
            }
        } finally {
            closeAll(peers);
        }
    }

    /** The lengths where the frame header changes form (7-bit, 16-bit and 64-bit lengths). */
    @ParameterizedTest
    @ValueSource(ints = {125, 126, 127, 65_535, 65_536})
    default void payloadsAtTheFrameLengthBoundariesArriveWhole(int length) throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 2);
        try {
            peers.get(0).sayAndLearnId("x".repeat(length), peers.get(1));
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) i;
            }
            peers.get(0).send(ByteBuffer.wrap(bytes));
            for (Peer peer : peers) {
                assertEquals(ByteBuffer.wrap(bytes), peer.nextBinary(), peer::describeSeen);
            }
        } finally {
            closeAll(peers);
        }
    }

    @Test
    default void aClientThatClosesDoesNotDisturbTheOthers() throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 3);
        try {
            peers.get(1).close();
            int id = peers.get(0).sayAndLearnId("still here");
            peers.get(2).expect("Client(" + id + ") said: still here");
        } finally {
            closeAll(peers);
        }
    }

    @Test
    default void aClientThatDropsItsTcpConnectionDoesNotDisturbTheOthers() throws Exception {
        try (Peer peer = Peer.join(chatUri())) {
            RawSocket raw = RawSocket.upgrade(chatUri());
            peer.expect(GREETING);
            raw.dropAbruptly();
            peer.sayAndLearnId("still here");
            try (Peer late = Peer.join(chatUri())) {
                peer.expect(GREETING);
                int lateId = late.sayAndLearnId("hi");
                peer.expect("Client(" + lateId + ") said: hi");
            }
        }
    }

    @Test
    default void thePageIsServedAtTheSocketsAddress() throws Exception {
        // A room's page is its socket's address with a slash ({@code /rooms/NAME/}), so relative links stay in it.
        String socket = chatUri().toString().replaceFirst("^ws", "http");
        URI page = URI.create(socket.endsWith("/") ? socket : socket + "/");
        HttpClient http = TestTrust.httpClient();
        HttpResponse<String> index =
                http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<script src=\"chat.js\">"), index::body);
        HttpResponse<String> script = http.send(
                HttpRequest.newBuilder(page.resolve("chat.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("location.host"), "the page derives the socket URL from its location");
        // Serving the page must not turn later upgrades on the same path into page responses.
        try (Peer peer = Peer.join(chatUri())) {
            peer.sayAndLearnId("after the page");
        }
    }

    private static Void sayNumbered(Peer peer, String prefix, int count, CyclicBarrier start) throws Exception {
        start.await(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            peer.say(prefix + i);
        }
        return null;
    }

    /**
     * Reads {@code count} lines from each of the senders {@code a} and {@code b}, interleaved in any way, and
     * checks that each sender's come in the order sent and under the one id every peer sees for it.
     */
    private static void hearBothInEachSendersOrder(Peer peer, int count, Map<String, Integer> ids)
            throws InterruptedException {
        Pattern numbered = Pattern.compile("Client\\((\\d+)\\) said: ([ab])(\\d+)");
        Map<String, Integer> next = new HashMap<>(Map.of("a", 0, "b", 0));
        for (int i = 0; i < 2 * count; i++) {
            String line = peer.nextText();
            Matcher matcher = numbered.matcher(line);
            assertTrue(matcher.matches(), () -> "a numbered line from a or b; received so far: " + peer.describeSeen());
            String sender = matcher.group(2);
            int id = Integer.parseInt(matcher.group(1));
            assertEquals(
                    ids.computeIfAbsent(sender, s -> id).intValue(),
                    id,
                    () -> sender + "'s id; seen: " + peer.describeSeen());
            int expected = next.merge(sender, 1, Integer::sum) - 1;
            assertEquals(
                    expected,
                    Integer.parseInt(matcher.group(3)),
                    () -> sender + "'s order; seen: " + peer.describeSeen());
        }
    }

    private static void closeAll(List<Peer> peers) throws java.io.IOException {
        for (Peer peer : peers) {
            peer.close();
        }
    }
}
