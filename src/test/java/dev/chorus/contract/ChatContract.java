package dev.chorus.contract;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    default void twoSendersAtOnceReachEveryoneCompleteWithEachSendersOrderKept() throws Exception {
        List<Peer> peers = Peer.joinAll(chatUri(), 3);
        try {
            int a = peers.get(0).sayAndLearnId("a");
            skip(peers.subList(1, 3), 1);
            int b = peers.get(1).sayAndLearnId("b");
            skip(List.of(peers.get(0), peers.get(2)), 1);
            int count = 40;
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> sayNumbered(peers.get(0), "a", count));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> sayNumbered(peers.get(1), "b", count));
            CompletableFuture.allOf(first, second).get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            for (Peer peer : peers) {
                int nextA = 0;
                int nextB = 0;
                for (int i = 0; i < 2 * count; i++) {
                    String line = peer.nextText();
                    if (line.startsWith("Client(" + a + ") said: ")) {
                        assertEquals("Client(" + a + ") said: a" + nextA++, line, peer::describeSeen);
                    } else {
                        assertEquals("Client(" + b + ") said: b" + nextB++, line, peer::describeSeen);
                    }
                }
            }
        } finally {
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
        URI page = URI.create(chatUri().toString().replaceFirst("^ws", "http"));
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

    private static void sayNumbered(Peer peer, String prefix, int count) {
        try {
            for (int i = 0; i < count; i++) {
                peer.say(prefix + i);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void skip(List<Peer> peers, int messages) throws InterruptedException {
        for (Peer peer : peers) {
            for (int i = 0; i < messages; i++) {
                peer.nextText();
            }
        }
    }

    private static void closeAll(List<Peer> peers) throws java.io.IOException {
        for (Peer peer : peers) {
            peer.close();
        }
    }
}
