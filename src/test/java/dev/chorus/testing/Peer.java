package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.client.ChatClient;
import dev.chorus.client.ClientOptions;
import dev.chorus.client.ConnectFailure;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat participant for tests: the project's {@link ChatClient} plus bounded waits whose failures show
 * everything this peer has received so far.
 */
public final class Peer implements AutoCloseable {

    /** The longest any test waits for one message. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    public static final String GREETING = "Hey all, a new client has joined us";
    private static final Pattern SAID = Pattern.compile("Client\\((\\d+)\\) said: (.*)", Pattern.DOTALL);

    private final ChatClient client;
    private final List<Object> seen = new ArrayList<>();

    private Peer(ChatClient client) {
        this.client = client;
    }

    /** Connects without reading anything. */
    public static Peer connect(URI uri) {
        return connect(uri, UnaryOperator.identity());
    }

    /** Connects with the tests' options as {@code adjust} changes them (e.g. extra headers). */
    public static Peer connect(URI uri, UnaryOperator<ClientOptions> adjust) {
        try {
            return new Peer(ChatClient.connect(uri, adjust.apply(TestTrust.clientOptions())));
        } catch (ConnectFailure e) {
            throw new AssertionError("could not connect to " + uri + ": " + e.getMessage(), e);
        }
    }

    /** One send that may throw. */
    public interface Send {
        void run() throws IOException;
    }

    /**
     * Runs {@code send}, which the server may answer with its close before the send returns (it refuses a frame
     * from its header on): then the send fails, and the close is what the test checks next.
     */
    public static void racingTheClose(Send send) {
        try {
            send.run();
        } catch (IOException | RuntimeException e) {
            // the server closed first; the close reason is what the test checks
        }
    }

    /** Connects and reads its own join notice. */
    public static Peer join(URI uri) throws InterruptedException {
        return join(uri, UnaryOperator.identity());
    }

    /** Connects with the tests' options as {@code adjust} changes them, and reads its own join notice. */
    public static Peer join(URI uri, UnaryOperator<ClientOptions> adjust) throws InterruptedException {
        Peer peer = connect(uri, adjust);
        peer.expect(GREETING);
        return peer;
    }

    /**
     * Connects {@code count} peers one after the other; each newcomer and everyone before it reads the join
     * notice, so all of them start with empty queues.
     */
    public static List<Peer> joinAll(URI uri, int count) throws InterruptedException {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Peer newcomer = connect(uri);
            peers.add(newcomer);
            for (Peer peer : peers) {
                peer.expect(GREETING);
            }
        }
        return peers;
    }

    public ChatClient client() {
        return client;
    }

    public void say(String text) throws IOException {
        client.send(text);
    }

    public void send(ByteBuffer data) throws IOException {
        client.send(data);
    }

    /** The next message, which must arrive within {@link #WAIT}. */
    public Object next() throws InterruptedException {
        Object message = client.receive(WAIT);
        if (message == null) {
            fail("no message within " + WAIT.toSeconds() + " s; received so far: " + describeSeen());
        }
        seen.add(message);
        return message;
    }

    public String nextText() throws InterruptedException {
        Object message = next();
        return assertInstanceOf(String.class, message, () -> "expected text; received so far: " + describeSeen());
    }

    public ByteBuffer nextBinary() throws InterruptedException {
        Object message = next();
        return assertInstanceOf(ByteBuffer.class, message, () -> "expected binary; received so far: " + describeSeen());
    }

    public void expect(String text) throws InterruptedException {
        assertEquals(text, nextText(), () -> "received so far: " + describeSeen());
    }

    /**
     * Says {@code count} texts ({@code 0} + suffix, {@code 1} + suffix …) after an announcement, and hears them
     * all back: every one of those broadcasts has then been queued for everybody.
     */
    public void floodAndHearBack(int count, String suffix) throws IOException, InterruptedException {
        int id = sayAndLearnId("about to flood");
        for (int i = 0; i < count; i++) {
            say(i + suffix);
        }
        for (int i = 0; i < count; i++) {
            expect("Client(" + id + ") said: " + i + suffix);
        }
    }

    /** Says {@code text}, reads it back and returns the id the server gave this peer. */
    public int sayAndLearnId(String text) throws IOException, InterruptedException {
        say(text);
        String line = nextText();
        Matcher matcher = SAID.matcher(line);
        assertNotNull(matcher.matches() ? matcher : null, () -> "not a said-line: " + line);
        assertEquals(text, matcher.group(2));
        return Integer.parseInt(matcher.group(1));
    }

    /** Like {@link #sayAndLearnId(String)}, and each of {@code hearers} must hear the line next. */
    public int sayAndLearnId(String text, Peer... hearers) throws IOException, InterruptedException {
        int id = sayAndLearnId(text);
        for (Peer hearer : hearers) {
            hearer.expect("Client(" + id + ") said: " + text);
        }
        return id;
    }

    public String describeSeen() {
        List<String> shown = new ArrayList<>();
        for (Object message : seen) {
            if (message instanceof ByteBuffer data) {
                shown.add("[binary " + data.remaining() + " bytes]");
            } else {
                String text = (String) message;
                shown.add(text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text);
            }
        }
        return shown.toString();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
