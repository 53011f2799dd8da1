package dev.chorus.client;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.glassfish.tyrus.core.frame.CloseFrame;

/**
 * This side's half of the closing handshake, done as RFC 6455 §7.1.2 says: send our close frame, keep
 * reading until the server's close frame answers it, then drop the connection.
 *
 * <p>Tyrus 2.2's client does not do this: {@code Session.close} sends the close frame and closes the TCP
 * connection at once, so whatever the server sent before its answering close is lost (a piped
 * {@code chorus client -i} printed none of its echoes). So this sends the frame itself, through the socket's
 * raw-frame send, and marks the socket as closing first: then Tyrus takes the server's close as the answer,
 * reports it and drops the connection without sending a second close frame. Tyrus keeps both the socket and
 * its state out of reach, hence the reflection; if a Tyrus upgrade moves them, {@link #start} falls back to
 * Tyrus's own close.
 */
final class ClosingHandshake {

    /** RFC 6455 §5.3: every client frame is masked with a key the server cannot predict. */
    private static final SecureRandom MASKS = new SecureRandom();

    private static final byte FIN_AND_CLOSE = (byte) 0x88;
    private static final byte MASKED = (byte) 0x80;

    private final Session session;
    private final TyrusWebSocket socket;
    private final CompletableFuture<CloseReason> closed;

    private ClosingHandshake(Session session, TyrusWebSocket socket, CompletableFuture<CloseReason> closed) {
        this.session = session;
        this.socket = socket;
        this.closed = closed;
    }

    /**
     * Sends {@code reason} as our close frame and keeps the connection open for the server's answer, which
     * completes {@code closed}; after {@code timeout} without it, drops the connection and reports
     * {@link CloseReasons#NO_CLOSE_ANSWER}. Returns the handshake under way, or null when there is none to wait
     * for: the connection was already closing or closed, or this Tyrus does not let us (then Tyrus's own close,
     * which drops the connection at once, is used).
     */
    static ClosingHandshake start(
            Session session, CloseReason reason, Duration timeout, CompletableFuture<CloseReason> closed)
            throws IOException {
        ByteBuffer frame = maskedCloseFrame(reason);
        if (!session.isOpen()) {
            return null;
        }
        TyrusWebSocket socket;
        try {
            socket = socketOf(session);
            if (!markClosing(socket)) {
                return null;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            session.close(reason);
            return null;
        }
        ClosingHandshake handshake = new ClosingHandshake(session, socket, closed);
        try {
            socket.sendRawFrame(frame);
        } catch (RuntimeException e) {
            handshake.abandon(reason); // the connection is failing anyway: report the close, drop it
            return handshake;
        }
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> handshake.abandon(CloseReasons.NO_CLOSE_ANSWER));
        return handshake;
    }

    /** Unless the server's answer came: reports {@code reason} as the close and drops the connection now. */
    void abandon(CloseReason reason) {
        if (closed.isDone()) {
            return;
        }
        try {
            socket.onClose(new CloseFrame(reason));
        } catch (RuntimeException e) {
            // Nothing better is left than Tyrus's own close, which at least drops the connection.
            try {
                session.close(reason);
            } catch (IOException | RuntimeException ignored) {
                // Already gone.
            }
        }
    }

    private static TyrusWebSocket socketOf(Session session) throws ReflectiveOperationException {
        Field field = TyrusRemoteEndpoint.class.getDeclaredField("webSocket");
        field.setAccessible(true);
        return (TyrusWebSocket) field.get(session.getBasicRemote());
    }

    /** Moves the socket from CONNECTED to CLOSING, as Tyrus's own close does before it sends its frame. */
    private static boolean markClosing(TyrusWebSocket socket) throws ReflectiveOperationException {
        Field field = TyrusWebSocket.class.getDeclaredField("state");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        AtomicReference<Object> state = (AtomicReference<Object>) field.get(socket);
        Object current = state.get();
        if (!(current instanceof Enum<?> connected) || !connected.name().equals("CONNECTED")) {
            return false;
        }
        for (Object constant : connected.getDeclaringClass().getEnumConstants()) {
            if (((Enum<?>) constant).name().equals("CLOSING")) {
                return state.compareAndSet(current, constant);
            }
        }
        return false;
    }

    /** A close frame as a client must send it: FIN, opcode 8, the code and reason masked (§5.2, §5.5.1). */
    static ByteBuffer maskedCloseFrame(CloseReason reason) {
        String phrase = reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase();
        byte[] text = phrase.getBytes(StandardCharsets.UTF_8);
        int code = reason.getCloseCode().getCode();
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        if (payload.length > 125) {
            throw new IllegalArgumentException("a close reason takes at most 123 bytes: " + phrase);
        }
        byte[] mask = new byte[4];
        MASKS.nextBytes(mask);
        ByteBuffer frame = ByteBuffer.allocate(2 + 4 + payload.length);
        frame.put(FIN_AND_CLOSE).put((byte) (MASKED | payload.length)).put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        return frame.flip();
    }
}
