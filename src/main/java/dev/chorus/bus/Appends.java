package dev.chorus.bus;

import dev.chorus.naming.RoomName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.XAddParams;

/**
 * How events are appended to the stream: a said-message through a script that numbers and appends it in one
 * step, any other event with a plain {@code XADD}, each trimmed to about {@link RedisBus#STREAM_LENGTH} entries;
 * and, once per batch, the entries older than the maximum age trimmed away (by Redis's clock).
 */
final class Appends {

    /**
     * Numbers a said-message and appends it in one step ({@code KEYS[1]} the seq counter, {@code KEYS[2]} the
     * stream; {@code ARGV[2]} the stream's length, {@code ARGV[3]} the envelope; fields {@code e} and {@code s}
     * as {@link StreamEntry#ENVELOPE} and {@link StreamEntry#SEQ}): nothing can come between the INCR and the
     * XADD, so every node reads the seqs in increasing order.
     */
    private static final byte[] SAY = ascii(RedisBus.RAISE
            + "local seq = redis.call('INCR', KEYS[1])\n"
            + "redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[3], 's', seq)\n"
            + "return seq");

    /**
     * Trims stream {@code KEYS[1]} to the entries of the last {@code ARGV[1]} ms, by Redis's clock (the one its
     * entry ids use), so a node's clock being off does not matter. {@code ~}: whole radix-tree nodes only, cheap.
     */
    private static final byte[] TRIM = ascii("local now = redis.call('TIME')\n"
            + "local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[1])\n"
            + "if oldest <= 0 then return 0 end\n"
            + "return redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%.0f', oldest) .. '-0')");

    private static final byte[] STREAM_KEY = ascii(RedisBus.STREAM);
    private static final byte[] STREAM_LENGTH = ascii(Long.toString(RedisBus.STREAM_LENGTH));

    private final ToLongFunction<RoomName> highestSeenSeq;
    private final byte[] maxAgeMillis;

    /**
     * @param highestSeenSeq the highest seq this node has seen in a room: the room's counter is raised to it first
     * @param maxAge entries older than this are trimmed away; zero: no age bound
     */
    Appends(ToLongFunction<RoomName> highestSeenSeq, Duration maxAge) {
        this.highestSeenSeq = highestSeenSeq;
        this.maxAgeMillis = maxAge.isZero() ? null : ascii(Long.toString(maxAge.toMillis()));
    }

    /**
     * Sends {@code batch} in one pipeline and reads the answers: one reply per event, in order, then the trim's.
     * A reply holds Redis's error, if it answered with one.
     */
    List<Response<?>> pipeline(Jedis jedis, List<Publisher.Pending> batch) {
        List<Response<?>> replies = new ArrayList<>(batch.size() + 1);
        Pipeline pipeline = jedis.pipelined();
        for (Publisher.Pending pending : batch) {
            replies.add(append(pipeline, pending));
        }
        if (maxAgeMillis != null) {
            replies.add(pipeline.eval(TRIM, 1, STREAM_KEY, maxAgeMillis));
        }
        pipeline.sync();
        return replies;
    }

    private Response<?> append(Pipeline pipeline, Publisher.Pending pending) {
        if (pending.envelope().event() instanceof BusEvent.Said said) {
            return pipeline.eval(
                    SAY,
                    2,
                    ascii(RedisBus.seqKey(said.room())),
                    STREAM_KEY,
                    ascii(Long.toString(highestSeenSeq.applyAsLong(said.room()))),
                    STREAM_LENGTH,
                    pending.encoded());
        }
        return pipeline.xadd(
                STREAM_KEY,
                XAddParams.xAddParams().maxLen(RedisBus.STREAM_LENGTH).approximateTrimming(),
                Map.of(StreamEntry.ENVELOPE, pending.encoded()));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
