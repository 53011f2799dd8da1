package dev.chorus.limits;

import dev.chorus.protocol.CloseReasons;
import dev.chorus.protocol.Utf8;
import dev.chorus.settings.InboundLimits;
import jakarta.websocket.CloseReason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * One client's incoming messages: reassembles fragments, and refuses a message that is too big (checked per
 * fragment, before the whole message is buffered), has too many fragments, or comes too fast, in messages or in
 * bytes. Bytes are counted as fragments arrive, so a flood of bytes is refused before its message is complete.
 * The container calls one session's handlers one at a time, so an instance is only ever used by one thread at
 * once.
 */
public final class Inbound {

    /** What a fragment amounted to. */
    public sealed interface Result {}

    /** More fragments are to come. */
    public record Pending() implements Result {}

    /** A whole message: a {@link String} or a read-only {@link ByteBuffer}. */
    public record Complete(Object message) implements Result {}

    /** A limit was crossed: close the client with {@code reason}; nothing of the message may be used. */
    public record Refused(CloseReason reason) implements Result {}

    private static final Pending PENDING = new Pending();

    /** The most a reassembly buffer keeps between messages (chars or bytes); a larger one is let go. */
    static final int KEEP = 8 * 1024;

    private final InboundLimits limits;
    private final LongSupplier clock;
    private final TokenBucket rate;
    private final TokenBucket byteRate;
    // The fragments so far: made on a message's first fragment, emptied or let go by release().
    private StringBuilder text;
    private Bytes binary;
    private long bytes;
    private int fragments;
    /** Set by the first refusal: the client is being closed, and nothing more it sent may come out. */
    private Refused refused;

    public Inbound(InboundLimits limits) {
        this(limits, System::nanoTime);
    }

    /** With {@code clock} (nanoseconds, as {@link System#nanoTime}) for the rates: tests pass their own. */
    Inbound(InboundLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        long now = clock.getAsLong();
        this.rate = limits.messagesPerSecond() == 0
                ? null
                : new TokenBucket(limits.messagesPerSecond(), limits.burst(), now);
        this.byteRate = limits.bytesPerSecond() == 0
                ? null
                : new TokenBucket(limits.bytesPerSecond(), limits.byteBucket(), now);
    }

    /** A fragment of a text message ({@code last} ends it). */
    public Result text(String part, boolean last) {
        Result refused = count(Utf8.length(part));
        if (refused != null) {
            return refused;
        }
        if (last && fragments == 1) {
            return complete(part); // unfragmented, as most are: nothing to reassemble
        }
        if (text == null) {
            text = new StringBuilder(part.length());
        }
        text.append(part);
        if (!last) {
            return PENDING;
        }
        String whole = text.toString();
        release();
        return complete(whole);
    }

    /** A fragment of a binary message ({@code last} ends it). */
    public Result binary(ByteBuffer part, boolean last) {
        Result refused = count(part.remaining());
        if (refused != null) {
            return refused;
        }
        ByteBuffer view = part.duplicate();
        byte[] chunk = new byte[view.remaining()];
        view.get(chunk);
        if (last && fragments == 1) {
            return complete(ByteBuffer.wrap(chunk).asReadOnlyBuffer());
        }
        if (binary == null) {
            binary = new Bytes(chunk.length);
        }
        binary.write(chunk, 0, chunk.length);
        if (!last) {
            return PENDING;
        }
        ByteBuffer whole = ByteBuffer.wrap(binary.toByteArray()).asReadOnlyBuffer();
        release();
        return complete(whole);
    }

    /** How much the reassembly buffers hold on to between messages: chars of text plus bytes of binary. */
    int retained() {
        return (text == null ? 0 : text.capacity()) + (binary == null ? 0 : binary.capacity());
    }

    private Result count(long partBytes) {
        if (refused != null) {
            return refused; // frames the container had read before the close: the rest of a refused client
        }
        bytes += partBytes;
        fragments++;
        if (bytes > limits.maxMessageBytes()) {
            return refuse(CloseReasons.TOO_BIG);
        }
        if (fragments > limits.maxFragments()) {
            return refuse(CloseReasons.TOO_MANY_FRAGMENTS);
        }
        if (byteRate != null && !byteRate.tryTake(partBytes, clock.getAsLong())) {
            return refuse(CloseReasons.BYTE_RATE_LIMITED);
        }
        return null;
    }

    private Result complete(Object message) {
        bytes = 0;
        fragments = 0;
        if (rate != null && !rate.tryTake(clock.getAsLong())) {
            return refuse(CloseReasons.RATE_LIMITED);
        }
        return new Complete(message);
    }

    private Result refuse(CloseReason reason) {
        bytes = 0;
        fragments = 0;
        release();
        refused = new Refused(reason);
        return refused;
    }

    /**
     * Empties the buffers after a message, and lets go of one grown past {@link #KEEP}: a buffer keeps its peak
     * capacity, and one large message must not cost its size for the rest of the connection.
     */
    private void release() {
        if (text != null) {
            text.setLength(0);
            if (text.capacity() > KEEP) {
                text = null;
            }
        }
        if (binary != null) {
            binary.reset();
            if (binary.capacity() > KEEP) {
                binary = null;
            }
        }
    }

    /** A byte buffer that tells its capacity. */
    private static final class Bytes extends ByteArrayOutputStream {

        Bytes(int size) {
            super(size);
        }

        int capacity() {
            return buf.length;
        }
    }
}
