package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntryBinary;

/**
 * One stream entry as the reader hands it on: its id ({@code millis-sequence}, by Redis's clock), the envelope's
 * bytes and, for a said-message, its seq (absent if whoever wrote the entry gave none).
 */
record StreamEntry(StreamEntryID id, byte[] value, OptionalLong seq) {

    /** The field that holds the envelope's bytes. */
    static final byte[] ENVELOPE = "e".getBytes(StandardCharsets.US_ASCII);

    /** The field that holds a said-message's seq, in decimal (said-messages only). */
    static final byte[] SEQ = "s".getBytes(StandardCharsets.US_ASCII);

    /** The reader's logger: these lines are about what it read. */
    private static final System.Logger LOG = System.getLogger(StreamReader.class.getName());

    /** The entry's envelope and seq (its fields are keyed by byte arrays); empty, and logged, if it holds no event. */
    static Optional<StreamEntry> of(StreamEntryBinary entry) {
        byte[] envelope = null;
        OptionalLong seq = OptionalLong.empty();
        for (Map.Entry<byte[], byte[]> field : entry.getFields().entrySet()) {
            if (Arrays.equals(field.getKey(), ENVELOPE)) {
                envelope = field.getValue();
            } else if (Arrays.equals(field.getKey(), SEQ)) {
                seq = seq(entry.getID(), field.getValue());
            }
        }
        if (envelope == null) {
            LOG.log(Level.WARNING, "Skipped stream entry {0}: it holds no event", entry.getID());
            return Optional.empty();
        }
        return Optional.of(new StreamEntry(entry.getID(), envelope, seq));
    }

    private static OptionalLong seq(StreamEntryID id, byte[] value) {
        try {
            return OptionalLong.of(Long.parseLong(new String(value, StandardCharsets.US_ASCII)));
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "Stream entry {0} has no valid seq: {1}", id, e.getMessage());
            return OptionalLong.empty();
        }
    }
}
