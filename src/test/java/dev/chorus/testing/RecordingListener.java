package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.client.ChatClient;
import dev.chorus.client.ClientListener;
import dev.chorus.notation.Durations;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClientListener} that writes each event down as one short line ({@code open}, {@code text Hi},
 * {@code binary 00ff}, {@code pong 6 bytes}, {@code close 1000 bye}, {@code error …}, {@code reconnecting 1 after 250ms}),
 * so a test can await events in order and show all of them when one does not come.
 */
public final class RecordingListener implements ClientListener {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @Override
    public void onOpen(ChatClient client) {
        events.add("open");
    }

    @Override
    public void onMessage(String text) {
        events.add("text " + text);
    }

    @Override
    public void onMessage(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        events.add("binary " + HexFormat.of().formatHex(bytes));
    }

    @Override
    public void onPong(ByteBuffer payload) {
        events.add("pong " + payload.remaining() + " bytes");
    }

    @Override
    public void onError(Throwable error) {
        events.add("error " + error.getMessage());
    }

    @Override
    public void onClose(CloseReason reason) {
        events.add("close " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
    }

    @Override
    public void onReconnecting(Duration delay, int attempt) {
        events.add("reconnecting " + attempt + " after " + Durations.format(delay));
    }

    /** Waits (bounded) for the next event, which must be {@code expected}. */
    public void expect(String expected) throws InterruptedException {
        String event = next();
        if (!event.equals(expected)) {
            fail("expected '" + expected + "' but got '" + event + "'; events so far: " + seen);
        }
    }

    /** Skips events (bounded wait) until one starting with {@code prefix}; returns it. */
    public String skipTo(String prefix) throws InterruptedException {
        while (true) {
            String event = next();
            if (event.startsWith(prefix)) {
                return event;
            }
        }
    }

    private String next() throws InterruptedException {
        String event = events.poll(Peer.WAIT.toNanos(), TimeUnit.NANOSECONDS);
        if (event == null) {
            fail("no event within " + Peer.WAIT.toSeconds() + " s; events so far: " + seen);
        }
        seen.add(event);
        return event;
    }
}
