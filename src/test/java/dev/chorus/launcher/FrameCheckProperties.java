package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * The frame checker against arbitrary client bytes, cut into reads at arbitrary points, fed as Grizzly buffers
 * the way {@link FrameCheckFilter} feeds it (a read's content, its position not necessarily 0).
 */
class FrameCheckProperties {

    /** The most header bytes a frame can have: 2, a 64-bit length and a mask key. */
    private static final int LONGEST_HEADER = 14;

    private static final int TRIES = 300;

    /** The largest data frame the checker lets through in the properties that do not draw their own. */
    private static final long LIMIT = 200;

    @Property(tries = TRIES)
    void anyBytesCutAnywhereGetTheVerdictOfTheWholeStreamInTheReadThatHoldsTheBreach(
            @ForAll("clientBytes") byte[] stream,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 4_000) Integer> cuts,
            @ForAll @LongRange(min = 0, max = 300) long limit) {
        Feed byteByByte = Feed.of(stream, everyByte(stream.length), limit);
        Feed whole = Feed.of(stream, List.of(), limit);
        Feed cut = Feed.of(stream, cuts, limit);

        assertSame(byteByByte.breach.orElse(null), whole.breach.orElse(null), "the whole stream at once");
        assertSame(byteByByte.breach.orElse(null), cut.breach.orElse(null), () -> "cut at " + cuts);
        if (byteByByte.breach.isPresent()) {
            int breachAt = byteByByte.readEnds.get(byteByByte.readEnds.size() - 1);
            int readEnd = cut.readEnds.get(cut.readEnds.size() - 1);
            int readStart = cut.readEnds.size() == 1 ? 0 : cut.readEnds.get(cut.readEnds.size() - 2);
            assertTrue(readStart < breachAt && breachAt <= readEnd, "refused in the read that completes the header");
        } else {
            assertEquals(byteByByte.headerBytesHeld, cut.headerBytesHeld, "the same header bytes held at the end");
        }
    }

    @Property(tries = TRIES)
    void maskedFramesWithinTheLimitAlwaysPass(
            @ForAll("withinTheLimit") List<byte[]> frames,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 4_000) Integer> cuts) {
        Feed feed = Feed.of(concat(frames), cuts, LIMIT);
        assertEquals(Optional.empty(), feed.breach);
        assertEquals(0, feed.headerBytesHeld, "nothing held between whole frames");
    }

    @Property(tries = TRIES)
    void aDataFrameOverTheLimitIsRefusedWith1009(
            @ForAll("withinTheLimit") List<byte[]> before,
            @ForAll @IntRange(min = 0, max = 2) int opcode,
            @ForAll @LongRange(min = LIMIT + 1, max = Long.MAX_VALUE) long length,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 4_000) Integer> cuts) {
        List<byte[]> frames = new ArrayList<>(before);
        frames.add(header(opcode, true, length));
        Feed feed = Feed.of(concat(frames), cuts, LIMIT);
        assertSame(CloseReasons.TOO_BIG, feed.breach.orElse(null));
        assertEquals(1009, CloseReasons.TOO_BIG.getCloseCode().getCode());
    }

    @Property(tries = TRIES)
    void anUnmaskedFrameIsRefusedWith1002(
            @ForAll("withinTheLimit") List<byte[]> before,
            @ForAll @IntRange(min = 0, max = 15) int opcode,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long length,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 4_000) Integer> cuts) {
        List<byte[]> frames = new ArrayList<>(before);
        frames.add(header(opcode, false, length));
        Feed feed = Feed.of(concat(frames), cuts, LIMIT);
        assertSame(CloseReasons.UNMASKED_FRAME, feed.breach.orElse(null));
        assertEquals(1002, CloseReasons.UNMASKED_FRAME.getCloseCode().getCode());
    }

    /** The reads of one stream through one checker, up to the first breach (after it the filter drops the rest). */
    private record Feed(Optional<CloseReason> breach, List<Integer> readEnds, int headerBytesHeld) {

        static Feed of(byte[] stream, List<Integer> cuts, long limit) {
            FrameCheck check = new FrameCheck(limit);
            Buffer buffer = Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, stream);
            List<Integer> readEnds = new ArrayList<>();
            int start = 0;
            for (int end : readEnds(stream.length, cuts)) {
                buffer.limit(end);
                buffer.position(start);
                Optional<CloseReason> breach = check.check(buffer);
                readEnds.add(end);
                assertEquals(start, buffer.position(), "the check leaves the read's position alone");
                assertTrue(check.headerBytesHeld() >= 0 && check.headerBytesHeld() < LONGEST_HEADER);
                assertEquals(breach.isPresent(), check.isBroken());
                if (breach.isPresent()) {
                    return new Feed(breach, readEnds, check.headerBytesHeld());
                }
                start = end;
            }
            return new Feed(Optional.empty(), readEnds, check.headerBytesHeld());
        }

        /** Where the reads end: at the cuts that fall inside the stream, and at its end. */
        private static List<Integer> readEnds(int length, List<Integer> cuts) {
            TreeSet<Integer> ends = new TreeSet<>();
            for (int cut : cuts) {
                if (cut > 0 && cut < length) {
                    ends.add(cut);
                }
            }
            ends.add(length);
            return new ArrayList<>(ends);
        }
    }

    private static List<Integer> everyByte(int length) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < length; i++) {
            cuts.add(i);
        }
        return cuts;
    }

    @Provide
    Arbitrary<byte[]> clientBytes() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> frameLike = Combinators.combine(
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 9).map(masked -> masked > 0),
                        Arbitraries.oneOf(
                                Arbitraries.longs().between(0, 400),
                                Arbitraries.longs().between(0, Long.MAX_VALUE),
                                Arbitraries.longs().between(Long.MIN_VALUE, -1)),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as((b0, masked, length, junk) -> concat(List.of(header(b0, masked, length), junk)));
        return Arbitraries.oneOf(noise, frameLike.list().ofMaxSize(8).map(FrameCheckProperties::concat));
    }

    @Provide
    Arbitrary<List<byte[]>> withinTheLimit() {
        Arbitrary<byte[]> data = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize((int) LIMIT))
                .as((opcode, payload) -> frame(opcode, payload));
        Arbitrary<byte[]> control = Combinators.combine(
                        Arbitraries.of(8, 9, 10),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(125))
                .as((opcode, payload) -> frame(opcode, payload));
        return Arbitraries.oneOf(data, control).list().ofMaxSize(6);
    }

    /** A masked frame with FIN set, its length in the shortest form; the payload is taken as already masked. */
    private static byte[] frame(int opcode, byte[] payload) {
        return concat(List.of(header(0x80 | opcode, true, payload.length), payload));
    }

    /**
     * A frame header: {@code b0} as it is, the mask bit, a length in the shortest form that holds it (a negative
     * one as a 64-bit length with its top bit set), and a mask key.
     */
    private static byte[] header(int b0, boolean masked, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        int mask = masked ? 0x80 : 0;
        if (length >= 0 && length < 126) {
            out.write(mask | (int) length);
        } else if (length >= 0 && length <= 0xFFFF) {
            out.write(mask | 126);
            out.write((int) (length >> 8));
            out.write((int) length);
        } else {
            out.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift));
            }
        }
        if (masked) {
            out.writeBytes(new byte[] {0x11, 0x22, 0x33, 0x44});
        }
        return out.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
