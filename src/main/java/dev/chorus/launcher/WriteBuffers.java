package dev.chorus.launcher;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Buffers for batched writes, taken for one write and given back once it completed. A join storm makes
 * millions of small batched writes (one greeting per newcomer for everyone); a fresh array for each was most
 * of the heap's growth, and so of the server's RSS, during the storm. At most {@code kept} buffers are kept
 * between writes; a write that needs more, or a larger one, gets a fresh array as before.
 */
final class WriteBuffers {

    private final int capacity;
    private final ArrayBlockingQueue<ByteBuffer> free;

    /**
     * @param capacity the size of each kept buffer
     * @param kept how many are kept at most (their memory stays with the server)
     */
    WriteBuffers(int capacity, int kept) {
        this.capacity = capacity;
        this.free = new ArrayBlockingQueue<>(kept);
    }

    /** An empty buffer with room for at least {@code bytes}. */
    ByteBuffer take(int bytes) {
        if (bytes > capacity) {
            return ByteBuffer.allocate(bytes);
        }
        ByteBuffer buffer = free.poll();
        return buffer == null ? ByteBuffer.allocate(capacity) : buffer.clear();
    }

    /** {@code buffer}'s write completed: nothing refers to it any more, so the next write may use it. */
    void give(ByteBuffer buffer) {
        if (buffer.capacity() == capacity) {
            free.offer(buffer); // dropped if enough are kept
        }
    }
}
