package dev.chorus.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.protocol.CloseReasons;
import dev.chorus.protocol.Utf8;
import dev.chorus.settings.InboundLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Inbound reassembly and limits against arbitrary fragment sequences, checked against a model of what the
 * limits document: a message completes as the concatenation of its fragments, or is refused with exactly the
 * limit it crossed first, and then nothing of it is handed out.
 */
class InboundProperties {

    private static final int TRIES = 300;

    /** One fragment as a container hands it over; its kind counts only at the start of a message. */
    record Fragment(boolean isText, String text, byte[] bytes, int offset, boolean last) {}

    @Property(tries = TRIES)
    void fragmentsCompleteAsTheirConcatenationOrAreRefusedForTheFirstLimitTheyCross(
            @ForAll @IntRange(min = 1, max = 300) int maxMessageBytes,
            @ForAll @IntRange(min = 1, max = 8) int maxFragments,
            @ForAll("fragments") List<Fragment> fragments) {
        Inbound inbound = new Inbound(new InboundLimits(maxMessageBytes, maxFragments, 0, 1, 0, 1));
        Boolean messageIsText = null;
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        long bytes = 0;
        int count = 0;
        for (int i = 0; i < fragments.size(); i++) {
            Fragment fragment = fragments.get(i);
            if (messageIsText == null) {
                messageIsText = fragment.isText();
            }
            Inbound.Result result;
            if (messageIsText) {
                result = inbound.text(fragment.text(), fragment.last());
                text.append(fragment.text());
                bytes += Utf8.length(fragment.text());
            } else {
                ByteBuffer part = ByteBuffer.wrap(fragment.bytes(), fragment.offset(), length(fragment));
                result = inbound.binary(part, fragment.last());
                assertEquals(fragment.offset(), part.position(), "the fragment is left unread");
                binary.write(fragment.bytes(), fragment.offset(), length(fragment));
                bytes += length(fragment);
            }
            count++;
            if (bytes > maxMessageBytes) {
                assertRefused(CloseReasons.TOO_BIG, result);
                assertTheRestIsNeverComplete(inbound, messageIsText, fragments.subList(i + 1, fragments.size()));
                return; // the client is closed: nothing more of it is read
            }
            if (count > maxFragments) {
                assertRefused(CloseReasons.TOO_MANY_FRAGMENTS, result);
                assertTheRestIsNeverComplete(inbound, messageIsText, fragments.subList(i + 1, fragments.size()));
                return;
            }
            if (!fragment.last()) {
                assertInstanceOf(Inbound.Pending.class, result);
                continue;
            }
            Object message = assertInstanceOf(Inbound.Complete.class, result).message();
            if (messageIsText) {
                assertEquals(text.toString(), message);
            } else {
                ByteBuffer whole = assertInstanceOf(ByteBuffer.class, message);
                assertTrue(whole.isReadOnly(), "a read-only message");
                assertEquals(ByteBuffer.wrap(binary.toByteArray()), whole);
            }
            messageIsText = null;
            text.setLength(0);
            binary.reset();
            bytes = 0;
            count = 0;
        }
    }

    @Property(tries = 100)
    void theRateLimitNeverLetsMoreThroughThanTheBurstAndTheRateSinceTheStart(
            @ForAll @IntRange(min = 1, max = 2_000) int perSecond,
            @ForAll @IntRange(min = 1, max = 20) int burst,
            @ForAll @IntRange(min = 1, max = 200) int messages) {
        long start = System.nanoTime();
        Inbound inbound = new Inbound(new InboundLimits(16, 1, perSecond, burst, 0, 1));
        int completed = 0;
        for (int i = 0; i < messages; i++) {
            Inbound.Result result = inbound.text("m", true);
            if (result instanceof Inbound.Complete) {
                completed++;
            } else {
                assertRefused(CloseReasons.RATE_LIMITED, result);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(completed <= burst + perSecond * seconds, completed + " let through in " + seconds + " s");
        assertTrue(completed >= Math.min(burst, messages), "the burst is let through at once");
    }

    @Property(tries = TRIES)
    void theBucketNeverGivesMoreThanTheBurstAndTheRateTimesTheTimeGone(
            @ForAll @IntRange(min = 1, max = 5_000) int perSecond,
            @ForAll @IntRange(min = 1, max = 50) int burst,
            @ForAll("gaps") List<Long> gaps) {
        long start = 1_000_000_000L;
        TokenBucket bucket = new TokenBucket(perSecond, burst, start);
        long now = start;
        long taken = 0;
        for (long gap : gaps) {
            now += gap;
            if (bucket.tryTake(now)) {
                taken++;
            }
            double allowed = burst + perSecond * ((now - start) / 1e9);
            assertTrue(taken <= Math.floor(allowed + 1e-9), taken + " taken, " + allowed + " allowed");
        }
    }

    @Property(tries = TRIES)
    void aClientThatKeepsToTheRateIsNeverRefused(
            @ForAll @IntRange(min = 1, max = 5_000) int perSecond,
            @ForAll @IntRange(min = 1, max = 50) int burst,
            @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 1_000_000) Integer> lateBy) {
        long now = 0;
        TokenBucket bucket = new TokenBucket(perSecond, burst, now);
        for (int i = 0; i < burst; i++) {
            assertTrue(bucket.tryTake(now), "the burst");
        }
        long interval = (1_000_000_000L + perSecond - 1) / perSecond;
        for (int late : lateBy) {
            now += interval + late;
            assertTrue(bucket.tryTake(now), () -> "refused at " + perSecond + "/s after " + lateBy);
        }
    }

    /**
     * The client is being closed, but the container may still hand over fragments it had already read: the rest of
     * the refused message must not come out as a message of its own.
     */
    private static void assertTheRestIsNeverComplete(Inbound inbound, boolean isText, List<Fragment> rest) {
        for (Fragment fragment : rest) {
            Inbound.Result result = isText
                    ? inbound.text(fragment.text(), fragment.last())
                    : inbound.binary(
                            ByteBuffer.wrap(fragment.bytes(), fragment.offset(), length(fragment)), fragment.last());
            assertFalse(result instanceof Inbound.Complete, "the rest of a refused message came out whole");
            if (fragment.last()) {
                return;
            }
        }
    }

    private static void assertRefused(Object reason, Inbound.Result result) {
        assertSame(reason, assertInstanceOf(Inbound.Refused.class, result).reason());
    }

    private static int length(Fragment fragment) {
        return fragment.bytes().length - fragment.offset();
    }

    @Provide
    Arbitrary<List<Fragment>> fragments() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("", "é", "👋", "\u0000", "\ud800", "\udc00"));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        text,
                        bytes,
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 3).map(last -> last == 0))
                .as((isText, t, b, offset, last) -> new Fragment(isText, t, b, Math.min(offset, b.length), last))
                .list()
                .ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Long>> gaps() {
        return Arbitraries.oneOf(
                        Arbitraries.longs().between(0, 1_000),
                        Arbitraries.longs().between(0, 10_000_000),
                        Arbitraries.longs().between(0, 3_000_000_000L))
                .list()
                .ofMaxSize(200);
    }

    /**
     * Arbitrary fragment sizes at arbitrary times (a clock the test moves): the bytes let through never exceed
     * the bucket (the burst, at least one largest message) plus the rate times the time gone, and a refusal is
     * always the byte-rate close.
     */
    @Property(tries = TRIES)
    void theByteRateNeverLetsMoreThroughThanTheBurstAndTheRateSinceTheStart(
            @ForAll @IntRange(min = 1, max = 10_000) int bytesPerSecond,
            @ForAll @IntRange(min = 1, max = 5_000) int byteBurst,
            @ForAll @IntRange(min = 1, max = 2_000) int maxMessageBytes,
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 2_000) Integer> sizes,
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 500_000_000) Integer> gapsInNanos) {
        long[] now = {0};
        InboundLimits limits = new InboundLimits(maxMessageBytes, 1_000_000, 0, 1, bytesPerSecond, byteBurst);
        Inbound inbound = new Inbound(limits, () -> now[0]);
        long passed = 0;
        for (int i = 0; i < sizes.size(); i++) {
            now[0] += i < gapsInNanos.size() ? gapsInNanos.get(i) : 0;
            int size = Math.min(sizes.get(i), maxMessageBytes);
            Inbound.Result result = inbound.binary(ByteBuffer.allocate(size), true);
            if (result instanceof Inbound.Refused refused) {
                assertEquals(CloseReasons.BYTE_RATE_LIMITED, refused.reason());
                return; // the client is closed
            }
            passed += size;
            double allowed = limits.byteBucket() + bytesPerSecond * (now[0] / 1e9);
            assertTrue(passed <= allowed + 1e-6, () -> "let through more than allowed");
        }
    }
}
