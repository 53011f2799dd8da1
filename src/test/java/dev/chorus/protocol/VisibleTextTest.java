package dev.chorus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VisibleTextTest {

    /** The controls a terminal acts on: C0, DEL and C1, and the bidirectional ones. */
    private static final Set<Integer> ACTING = IntStream.concat(
                    IntStream.concat(IntStream.rangeClosed(0x00, 0x1f), IntStream.rangeClosed(0x7f, 0x9f)),
                    IntStream.of(
                            0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068,
                            0x2069, 0x2028, 0x2029))
            .boxed()
            .collect(Collectors.toUnmodifiableSet());

    @Test
    void escapeSequencesBellsAndCarriageReturnsAreShownNotObeyed() {
        assertEquals("\\u001b[2J\\u001b]0;owned\\u0007", VisibleText.escape("\u001b[2J\u001b]0;owned\u0007"));
        assertEquals("real\\rfake", VisibleText.escape("real\rfake"));
        assertEquals("a\\nb\\tc", VisibleText.escape("a\nb\tc"));
        assertEquals("\\u009b31m\\u007f", VisibleText.escape("\u009b31m\u007f"), "C1 CSI and DEL");
    }

    @Test
    void bidiControlsThatWouldReorderTheLineAreEscaped() {
        assertEquals("abc\\u202edcba\\u2066x\\u2069", VisibleText.escape("abc\u202edcba\u2066x\u2069"));
    }

    @Test
    void everyActingControlIsEscapedAndNoOtherCharacterIs() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.getType(c) == Character.SURROGATE) {
                continue; // never a whole character in a decoded message
            }
            boolean acting = ACTING.contains(c);
            if (acting != VisibleText.needsEscape(c)) {
                fail(String.format("U+%04X: expected %s", c, acting ? "escaped" : "left alone"));
            }
        }
    }

    @Test
    void escapedTextHasNoActingCharacterLeftAndUnescapedTextComesBackUnchanged() {
        StringBuilder all = new StringBuilder();
        ACTING.forEach(all::appendCodePoint);
        all.append("plain é 😀 \u200d ✓");
        String shown = VisibleText.escape(all.toString());
        assertTrue(shown.codePoints().noneMatch(VisibleText::needsEscape), shown);
        assertFalse(shown.isEmpty());
        String plain = "Client(2) said: héllo 😀 {\"text\":\"a \\\"quote\\\" and \\\\\"}";
        assertEquals(plain, VisibleText.escape(plain), "backslashes and JSON stay as they are");
    }
}
