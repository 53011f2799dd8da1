package dev.chorus.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading-only connections on bare sockets, all read by one {@link Selector} thread into one reusable direct
 * buffer. The JDK client copies and decodes every message in full and cannot read 100 × 200 messages/s of
 * 16 KiB on two cores, so its own backlog would be measured instead of the server; these readers look at a
 * message's first bytes and skip the rest.
 */
final class RawReaders implements AutoCloseable {

    private static final int BUFFER = 256 * 1024;

    private final Selector selector;
    private final List<RawReader> readers;
    private final Thread thread;
    private volatile boolean closing;

    private RawReaders(Selector selector, List<RawReader> readers) {
        this.selector = selector;
        this.readers = readers;
        this.thread = new Thread(this::run, "raw-readers");
        thread.setDaemon(true);
    }

    /**
     * Opens {@code count} connections one after the other (stopping at the first failure or when {@code limit}
     * has passed) and starts reading them all.
     */
    static RawReaders connect(URI uri, Dialect dialect, int count, Measurement measurement, Tally tally, Duration limit)
            throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        Selector selector = Selector.open();
        List<RawReader> readers = new ArrayList<>();
        RawReaders raw = new RawReaders(selector, readers);
        try {
            while (readers.size() < count) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("only " + readers.size() + " of " + count + " raw readers connected within "
                            + limit.toSeconds() + " s");
                }
                RawReader reader = RawReader.connect(uri, dialect, measurement, tally);
                readers.add(reader);
                reader.channel().register(selector, SelectionKey.OP_READ, reader);
            }
        } catch (IOException e) {
            raw.close();
            throw e;
        }
        raw.thread.start();
        return raw;
    }

    int size() {
        return readers.size();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        try {
            while (!closing) {
                selector.select(TimeUnit.SECONDS.toMillis(1));
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && !((RawReader) key.attachment()).readable(buffer)) {
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closing) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Drops every connection at once, like {@link Connections#close}: the run is over. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers.forEach(RawReader::abort);
        try {
            selector.close();
        } catch (IOException e) {
            // The run is over; nothing left to report.
        }
    }
}
