package dev.chorus.client;

import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The listener behind {@link ChatClient#receive}: queues messages and pongs until someone asks for them. Once
 * the connection is closed, waiting for a message returns at once instead of running out the timeout.
 */
final class Inbox implements ClientListener {

    /** Stays last in the queue once the connection is closed. */
    private static final Object CLOSED = new Object();

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(String text) {
        messages.add(text);
    }

    @Override
    public void onMessage(ByteBuffer data) {
        messages.add(data);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        pongs.add(payload);
    }

    @Override
    public void onClose(CloseReason reason) {
        messages.add(CLOSED);
    }

    /** The next message, or {@code null} if none came within {@code timeout} or the connection is closed. */
    Object message(Duration timeout) throws InterruptedException {
        Object next = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (next == CLOSED) {
            messages.add(CLOSED);
            return null;
        }
        return next;
    }

    /** The next pong's payload, or {@code null} if none came within {@code timeout}. */
    ByteBuffer pong(Duration timeout) throws InterruptedException {
        return pongs.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
