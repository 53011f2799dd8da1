package dev.chorus.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.protocol.CloseReasons;
import dev.chorus.settings.InboundLimits;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Inbound's byte rate, with a clock the test moves by hand, and what its reassembly buffers keep. */
class InboundTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int KIB = 1024;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    /** 64 KiB messages, no message rate, 256 KiB/s with bursts of 1 MiB. */
    private Inbound inbound() {
        return inbound(new InboundLimits(64 * KIB, 1024, 0, 1, 256 * KIB, 1024 * KIB));
    }

    private Inbound inbound(InboundLimits limits) {
        return new Inbound(limits, now::get);
    }

    @Test
    void aBurstOfBytesPassesAndTheNextByteIsRefusedAsTooFast() {
        Inbound inbound = inbound();
        for (int i = 0; i < 16; i++) {
            assertInstanceOf(Inbound.Complete.class, inbound.binary(ByteBuffer.allocate(64 * KIB), true), "#" + i);
        }
        Inbound.Refused refused = assertInstanceOf(Inbound.Refused.class, inbound.binary(ByteBuffer.allocate(1), true));
        assertEquals(CloseReasons.BYTE_RATE_LIMITED, refused.reason());
        assertEquals(1008, refused.reason().getCloseCode().getCode());
    }

    @Test
    void theBytesComeBackAtTheRate() {
        Inbound inbound = inbound();
        for (int i = 0; i < 16; i++) {
            inbound.binary(ByteBuffer.allocate(64 * KIB), true);
        }
        now.addAndGet(SECOND / 4); // 64 KiB back
        assertInstanceOf(Inbound.Complete.class, inbound.binary(ByteBuffer.allocate(64 * KIB), true));
        assertInstanceOf(Inbound.Refused.class, inbound.binary(ByteBuffer.allocate(1), true));
    }

    @Test
    void textIsCountedAsUtf8() {
        // A 1 KiB burst: 512 two-byte characters fill it, so one more character is too many.
        Inbound inbound = inbound(new InboundLimits(KIB, 1024, 0, 1, 1, KIB));
        assertInstanceOf(Inbound.Complete.class, inbound.text("é".repeat(512), true));
        assertInstanceOf(Inbound.Refused.class, inbound.text("x", true));
    }

    @Test
    void aFloodIsRefusedAtTheFragmentThatCrossesTheRateBeforeItsMessageIsComplete() {
        Inbound inbound = inbound(new InboundLimits(8 * KIB, 1024, 0, 1, KIB, 8 * KIB));
        assertInstanceOf(Inbound.Complete.class, inbound.text("x".repeat(4 * KIB), true));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Inbound.Pending.class, inbound.text("x".repeat(KIB), false), "#" + i);
        }
        Inbound.Refused refused = assertInstanceOf(Inbound.Refused.class, inbound.text("x", false));
        assertEquals(CloseReasons.BYTE_RATE_LIMITED, refused.reason());
    }

    @Test
    void aBurstBelowTheMessageSizeStillLetsOneLargestMessageThrough() {
        Inbound inbound = inbound(new InboundLimits(64 * KIB, 1024, 0, 1, 1, 1));
        assertInstanceOf(Inbound.Complete.class, inbound.binary(ByteBuffer.allocate(64 * KIB), true));
        assertInstanceOf(Inbound.Refused.class, inbound.binary(ByteBuffer.allocate(1), true));
    }

    @Test
    void aByteRateOfZeroLimitsNothing() {
        Inbound inbound = inbound(new InboundLimits(64 * KIB, 1024, 0, 1, 0, 1));
        for (int i = 0; i < 1000; i++) {
            assertInstanceOf(Inbound.Complete.class, inbound.binary(ByteBuffer.allocate(64 * KIB), true), "#" + i);
        }
    }

    @Test
    void theMessageRateStillAppliesOnTheSameClock() {
        Inbound inbound = inbound(new InboundLimits(64 * KIB, 1024, 1, 2, 0, 1));
        assertInstanceOf(Inbound.Complete.class, inbound.text("a", true));
        assertInstanceOf(Inbound.Complete.class, inbound.text("b", true));
        Inbound.Refused refused = assertInstanceOf(Inbound.Refused.class, inbound.text("c", true));
        assertEquals(CloseReasons.RATE_LIMITED, refused.reason());
        now.addAndGet(SECOND);
        assertEquals(
                refused,
                inbound.text("d", true),
                "a refused client is being closed: nothing more it sent comes out, however long after");
    }

    @Test
    void aLargeFragmentedMessageLeavesNoBufferBehind() {
        Inbound inbound = inbound();
        assertInstanceOf(Inbound.Pending.class, inbound.text("a".repeat(40 * KIB), false));
        assertTrue(inbound.retained() >= 40 * KIB, () -> "while pending: " + inbound.retained());
        String whole = ((Inbound.Complete) inbound.text("b".repeat(20 * KIB), true))
                .message()
                .toString();
        assertEquals(60 * KIB, whole.length());
        assertEquals(0, inbound.retained());
        assertInstanceOf(Inbound.Pending.class, inbound.binary(ByteBuffer.allocate(40 * KIB), false));
        assertInstanceOf(Inbound.Complete.class, inbound.binary(ByteBuffer.allocate(20 * KIB), true));
        assertEquals(0, inbound.retained());
    }

    @Test
    void aRefusedLargeMessageLeavesNoBufferBehind() {
        Inbound inbound = inbound();
        assertInstanceOf(Inbound.Pending.class, inbound.binary(ByteBuffer.allocate(60 * KIB), false));
        assertInstanceOf(Inbound.Refused.class, inbound.binary(ByteBuffer.allocate(10 * KIB), false));
        assertEquals(0, inbound.retained());
    }

    @Test
    void smallFragmentedMessagesKeepOnlyASmallBuffer() {
        Inbound inbound = inbound();
        for (int i = 0; i < 10; i++) {
            inbound.text("x".repeat(100), false);
            assertInstanceOf(Inbound.Complete.class, inbound.text("y".repeat(100), true));
            assertTrue(inbound.retained() <= Inbound.KEEP, () -> "kept: " + inbound.retained());
        }
    }

    @Test
    void anUnfragmentedMessageNeedsNoBufferAtAll() {
        Inbound inbound = inbound();
        assertEquals("hello", ((Inbound.Complete) inbound.text("hello", true)).message());
        assertInstanceOf(Inbound.Complete.class, inbound.binary(ByteBuffer.allocate(60 * KIB), true));
        assertEquals(0, inbound.retained());
    }
}
