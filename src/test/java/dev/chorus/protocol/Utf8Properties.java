package dev.chorus.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class Utf8Properties {

    @Property
    void bytesThatDecodeAreExactlyTheTextsEncoding(@ForAll byte[] bytes) {
        Utf8.decode(bytes).ifPresent(text -> {
            assertArrayEquals(bytes, text.getBytes(StandardCharsets.UTF_8));
            assertEquals(bytes.length, Utf8.length(text));
        });
    }

    @Property
    void everyWellFormedTextComesBackAsItWas(@ForAll String text) {
        boolean loneSurrogate = !text.codePoints().allMatch(c -> c < 0xd800 || c > 0xdfff);
        Optional<String> back = Utf8.decode(text.getBytes(StandardCharsets.UTF_8));
        if (!loneSurrogate) {
            assertEquals(Optional.of(text), back);
        }
    }

    @Example
    void anEncodedSurrogateAnOverlongFormAndACutSequenceAreRefused() {
        assertTrue(
                Utf8.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}).isEmpty());
        assertTrue(Utf8.decode(new byte[] {(byte) 0xc0, (byte) 0x80}).isEmpty());
        assertTrue(Utf8.decode(new byte[] {'a', (byte) 0xe2, (byte) 0x9c}).isEmpty());
        assertEquals(Optional.of(""), Utf8.decode(new byte[0]));
    }
}
