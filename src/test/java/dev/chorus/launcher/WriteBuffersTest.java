package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WriteBuffersTest {

    private final WriteBuffers buffers = new WriteBuffers(64, 2);

    @Test
    void aBufferGivenBackIsTheNextOneTakenAndComesBackEmpty() {
        ByteBuffer first = buffers.take(10);
        first.put(new byte[10]).flip();
        buffers.give(first);
        ByteBuffer again = buffers.take(64);
        assertSame(first, again);
        assertEquals(0, again.position());
        assertEquals(64, again.remaining());
    }

    @Test
    void aWriteLargerThanTheBuffersGetsAFreshArrayThatIsNotKept() {
        ByteBuffer large = buffers.take(100);
        assertEquals(100, large.capacity());
        buffers.give(large);
        assertEquals(64, buffers.take(1).capacity(), "the large one was not kept");
    }

    @Test
    void onlySoManyAreKept() {
        ByteBuffer a = buffers.take(1);
        ByteBuffer b = buffers.take(1);
        ByteBuffer c = buffers.take(1);
        buffers.give(a);
        buffers.give(b);
        buffers.give(c);
        assertSame(a, buffers.take(1));
        assertSame(b, buffers.take(1));
        assertNotSame(c, buffers.take(1), "the third was dropped");
    }
}
