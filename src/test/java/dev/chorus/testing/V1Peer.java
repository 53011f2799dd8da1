package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test client on the JDK's own WebSocket client, which can offer subprotocols: a chorus.v1 participant
 * (or, offering none, a tutorial one). Every wait is bounded and its failure shows what arrived so far.
 */
public final class V1Peer implements AutoCloseable {

    public static final String PROTOCOL = "chorus.v1";

    /** Presence events: another test's clients may still be leaving when this one starts. */
    private static final Set<String> PRESENCE = Set.of("joined", "left");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final List<String> seen = new ArrayList<>();
    private final WebSocket socket;
    private int id = -1;

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {}

    private V1Peer(URI uri, String... subprotocols) throws Exception {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Peer.WAIT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        this.socket = builder.buildAsync(uri, new Listener()).get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Connects offering chorus.v1, without reading anything. */
    public static V1Peer connect(URI uri) throws Exception {
        return new V1Peer(uri, PROTOCOL);
    }

    /** Connects offering chorus.v1 with {@code ?since=since}, without reading anything. */
    public static V1Peer reconnect(URI uri, long since) throws Exception {
        return new V1Peer(URI.create(uri + "?since=" + since), PROTOCOL);
    }

    /** Connects offering exactly {@code subprotocols} (none: a tutorial client). */
    public static V1Peer offering(URI uri, String... subprotocols) throws Exception {
        return new V1Peer(uri, subprotocols);
    }

    /** Connects under chorus.v1 and reads its welcome. */
    public static V1Peer join(URI uri) throws Exception {
        V1Peer peer = connect(uri);
        peer.welcome();
        return peer;
    }

    /** The subprotocol the server chose, empty for none. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void say(String text) throws Exception {
        send(Json.createObjectBuilder()
                .add("type", "say")
                .add("text", text)
                .build()
                .toString());
    }

    public void askHistory() throws Exception {
        send("{\"type\":\"history\"}");
    }

    /** Sends {@code text} as it is, one text message. */
    public void send(String text) throws Exception {
        socket.sendText(text, true).get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public void send(ByteBuffer data) throws Exception {
        socket.sendBinary(data, true).get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next message, a String or a ByteBuffer, which must arrive within {@link Peer#WAIT}. */
    public Object next() throws InterruptedException {
        Object message = received.poll(Peer.WAIT.toNanos(), TimeUnit.NANOSECONDS);
        if (message == null) {
            fail("no message within " + Peer.WAIT.toSeconds() + " s; received so far: " + seen);
        }
        seen.add(message instanceof ByteBuffer data ? "[binary " + data.remaining() + " bytes]" : (String) message);
        return message;
    }

    /** The next text message, as it is (a tutorial client's view). */
    public String nextText() throws InterruptedException {
        return assertInstanceOf(String.class, next(), () -> "expected text; received so far: " + seen);
    }

    /** The next event, which must be of {@code type}. */
    public JsonObject next(String type) throws InterruptedException {
        JsonObject event = parse(nextText());
        assertEquals(type, event.getString("type"), () -> "received so far: " + seen);
        return event;
    }

    /** The next event that is not about presence (joins and leaves of other tests' clients are skipped). */
    public JsonObject nextChat() throws InterruptedException {
        while (true) {
            JsonObject event = parse(nextText());
            if (!PRESENCE.contains(event.getString("type"))) {
                return event;
            }
        }
    }

    /** The next said-message, skipping presence events. */
    public JsonObject nextSaid() throws InterruptedException {
        JsonObject event = nextChat();
        assertEquals("said", event.getString("type"), () -> "received so far: " + seen);
        return event;
    }

    /** Skips events until a presence event of {@code type} about client {@code id}. */
    public JsonObject awaitPresence(String type, int id) throws InterruptedException {
        while (true) {
            JsonObject event = parse(nextText());
            if (event.getString("type").equals(type) && event.getInt("id") == id) {
                return event;
            }
        }
    }

    /** The first message after connecting: the welcome. */
    public JsonObject welcome() throws InterruptedException {
        JsonObject welcome = next("welcome");
        id = welcome.getInt("id");
        return welcome;
    }

    /** The id its welcome gave it. */
    public int id() {
        assertTrue(id >= 0, "no welcome read yet");
        return id;
    }

    /** Waits for the server to close the connection. */
    public Closed awaitClose() throws InterruptedException, ExecutionException {
        try {
            return closed.get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not closed within " + Peer.WAIT.toSeconds() + " s; received: " + seen, e);
        }
    }

    public String describeSeen() {
        return seen.toString();
    }

    /** Closes normally and waits (bounded) for the server's answer, so the server has seen the close. */
    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            closed.get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Already gone, or the server did not answer: drop the connection.
            socket.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.abort();
        }
    }

    public static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private ByteBuffer binary = ByteBuffer.allocate(0);

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            binary = ByteBuffer.allocate(binary.remaining() + data.remaining())
                    .put(binary)
                    .put(data)
                    .flip();
            if (last) {
                received.add(binary.asReadOnlyBuffer());
                binary = ByteBuffer.allocate(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
