package dev.chorus.limits;

import dev.chorus.protocol.CloseReasons;
import dev.chorus.protocol.Utf8;
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

    private final InboundLimits limits;
    private final LongSupplier clock;
    private final TokenBucket rate;
    private final TokenBucket byteRate;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private long bytes;
    private int fragments;

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
        text.append(part);
        if (!last) {
            return PENDING;
        }
        String whole = text.toString();
        text.setLength(0);
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
        binary.write(chunk, 0, chunk.length);
        if (!last) {
            return PENDING;
        }
        ByteBuffer whole = ByteBuffer.wrap(binary.toByteArray()).asReadOnlyBuffer();
        binary.reset();
        return complete(whole);
    }

    private Result count(long partBytes) {
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
            return new Refused(CloseReasons.RATE_LIMITED);
        }
        return new Complete(message);
    }

    private Result refuse(CloseReason reason) {
        text.setLength(0);
        binary.reset();
        return new Refused(reason);
    }
}
