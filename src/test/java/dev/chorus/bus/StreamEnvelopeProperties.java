package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntryBinary;

/**
 * The Redis stream-entry decoder against whatever a stream may hold (another version, another program, a
 * corrupted or hostile entry): an entry's fields give an envelope or are skipped, an envelope's bytes give a valid
 * event or the documented {@link IllegalArgumentException}, and nothing else escapes.
 */
class StreamEnvelopeProperties {

    private static final int TRIES = 300;

    /** The reader warns about every entry it skips: hundreds of expected lines here, and slow to write. */
    private static final Logger READER_LOG = Logger.getLogger(StreamReader.class.getName());

    private static Level readerLevel;

    @BeforeContainer
    static void quietTheReader() {
        readerLevel = READER_LOG.getLevel();
        READER_LOG.setLevel(Level.SEVERE);
    }

    @AfterContainer
    static void restoreTheReader() {
        READER_LOG.setLevel(readerLevel);
    }

    /** A field as a stream entry holds it: a name and a value, both bytes. */
    record Field(byte[] name, byte[] value) {}

    @Property(tries = TRIES)
    void anyBytesAreAValidEventOrRefused(@ForAll("envelopeBytes") byte[] bytes) {
        decoded(bytes);
    }

    @Property(tries = TRIES)
    void anyFieldsGiveTheirEnvelopeAndSeqOrAreSkipped(@ForAll("fields") List<Field> fields) {
        Map<byte[], byte[]> map = new LinkedHashMap<>();
        fields.forEach(field -> map.put(field.name(), field.value()));
        Optional<StreamEntry> entry;
        try {
            entry = StreamEntry.of(new StreamEntryBinary(new StreamEntryID(1, 2), map));
        } catch (RuntimeException e) {
            entry = fail("reading the fields threw " + e, e);
        }
        List<byte[]> envelopes = valuesOf(fields, StreamEntry.ENVELOPE);
        assertEquals(!envelopes.isEmpty(), entry.isPresent(), "an entry exactly when a field holds an envelope");
        if (entry.isEmpty()) {
            return;
        }
        byte[] envelope = entry.get().value();
        assertTrue(envelopes.stream().anyMatch(value -> value == envelope), "the envelope field's own bytes");
        OptionalLong seq = entry.get().seq();
        List<byte[]> seqs = valuesOf(fields, StreamEntry.SEQ);
        if (seq.isPresent()) {
            assertTrue(seqs.stream().anyMatch(value -> parses(value, seq.getAsLong())), "a seq that was written");
        } else if (seqs.size() == 1) {
            assertFalse(parses(seqs.get(0)), "a seq that was written is read");
        }
        decoded(envelope);
    }

    @Property(tries = TRIES)
    void everyValidEventComesBackAsItWent(@ForAll("events") BusEvent event, @ForAll long node, @ForAll long number) {
        StreamEnvelope decoded = StreamEnvelope.decode(new StreamEnvelope(node, number, event).encode());
        assertEquals(new StreamEnvelope(node, number, event), decoded);
    }

    /** The decoded envelope, checked; an IllegalArgumentException is the documented refusal, anything else fails. */
    private static Optional<StreamEnvelope> decoded(byte[] bytes) {
        StreamEnvelope envelope;
        try {
            envelope = StreamEnvelope.decode(bytes);
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            return fail("decoding " + Arrays.toString(bytes) + " threw " + e, e);
        }
        BusEvent event = envelope.event();
        assertTrue(event.from() >= 1, () -> "a client id out of range: " + event);
        if (event instanceof BusEvent.Said said) {
            assertTrue(encodable(said.text()), () -> "a text UTF-8 cannot carry: " + said);
            assertEquals(BusEvent.Said.NUMBER_HERE, said.seq(), "numbered only from the entry's seq field");
        } else if (event instanceof BusEvent.Sent sent) {
            assertTrue(sent.data().isReadOnly(), "read-only bytes");
            assertEquals(bytes.length - 21, sent.data().remaining(), "every byte after the header");
        }
        return Optional.of(envelope);
    }

    private static boolean encodable(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static List<byte[]> valuesOf(List<Field> fields, byte[] name) {
        List<byte[]> values = new ArrayList<>();
        for (Field field : fields) {
            if (Arrays.equals(field.name(), name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    private static boolean parses(byte[] value) {
        try {
            Long.parseLong(new String(value, StandardCharsets.US_ASCII));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(byte[] value, long seq) {
        return parses(value) && Long.parseLong(new String(value, StandardCharsets.US_ASCII)) == seq;
    }

    @Provide
    Arbitrary<byte[]> envelopeBytes() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(60);
        Arbitrary<byte[]> payload = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.strings().all().ofMaxLength(20).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                // A lone surrogate as a lenient encoder writes it (CESU-8 style), and truncated sequences.
                Arbitraries.of(
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF0, (byte) 0x9F},
                        new byte[] {(byte) 0xC0, (byte) 0x80}));
        Arbitrary<byte[]> shaped = Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of((byte) 'J', (byte) 'S', (byte) 'B', (byte) 'L'), Arbitraries.bytes()),
                        Arbitraries.integers(),
                        Arbitraries.longs(),
                        Arbitraries.longs(),
                        payload)
                .as((kind, from, node, number, bytes) -> ByteBuffer.allocate(21 + bytes.length)
                        .put(kind)
                        .putInt(from)
                        .putLong(node)
                        .putLong(number)
                        .put(bytes)
                        .array());
        return Arbitraries.oneOf(noise, shaped);
    }

    @Provide
    Arbitrary<List<Field>> fields() {
        Arbitrary<byte[]> names = Arbitraries.oneOf(
                Arbitraries.of(StreamEntry.ENVELOPE, StreamEntry.SEQ).map(byte[]::clone),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3));
        Arbitrary<byte[]> values = Arbitraries.oneOf(
                envelopeBytes(),
                Arbitraries.of("0", "1", "-1", "41", "9223372036854775807", "9223372036854775808", "+7", " 7", "", "x")
                        .map(text -> text.getBytes(StandardCharsets.US_ASCII)));
        return Combinators.combine(names, values).as(Field::new).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<BusEvent> events() {
        Arbitrary<Integer> from = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<String> text =
                Arbitraries.strings().all().ofMaxLength(40).filter(StreamEnvelopeProperties::encodable);
        Arbitrary<ByteBuffer> data = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(40)
                .map(bytes -> ByteBuffer.wrap(bytes).asReadOnlyBuffer());
        Arbitrary<RoomName> room = Arbitraries.oneOf(
                Arbitraries.just(RoomName.ROOT),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withChars('_', '-', '0')
                        .ofMinLength(1)
                        .ofMaxLength(64)
                        .map(name -> RoomName.parse(name).orElseThrow()));
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(32).filter(StreamEnvelopeProperties::encodable));
        return Arbitraries.oneOf(
                Combinators.combine(room, from, name).as((r, f, n) -> new BusEvent.Joined(r, f, named(f, n))),
                Combinators.combine(room, from, name).as((r, f, n) -> new BusEvent.Left(r, f, named(f, n))),
                Combinators.combine(room, from, name, text).as((r, f, n, t) -> new BusEvent.Said(r, f, named(f, n), t)),
                Combinators.combine(room, text).as((r, t) -> new BusEvent.Said(r, 0, ClientName.SERVER, t)),
                Combinators.combine(room, from, data).as(BusEvent.Sent::new));
    }

    /** The name a client without one has, for "": what the stream leaves out and a reader puts back. */
    private static String named(long from, String name) {
        return name.isEmpty() ? ClientName.of(from) : name;
    }
}
