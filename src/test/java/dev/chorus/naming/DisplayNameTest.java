package dev.chorus.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayNameTest {

    @ParameterizedTest(name = "''{0}'' is shown as ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "alice|alice",
                "  Alice Smith  |Alice Smith",
                "O'Brien-Smith_2.0|O'Brien-Smith_2.0",
                "Zoë|Zoë",
                "Zoe\u0308|Zoë", // NFC: e and a combining diaeresis become one letter
                "李小龙|李小龙",
                "Ⅻ ٣ ²|Ⅻ ٣ ²", // letter numbers, Arabic-Indic and other digits
                "serverless|serverless",
                "a|a",
                "\tbob\u3000|bob" // any Unicode white space is trimmed
            })
    void aValidNameIsShownNormalisedAndTrimmed(String requested, String shown) {
        assertEquals(shown, DisplayName.parse(requested).orElseThrow().toString());
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|empty",
                "'   '|empty",
                "alice  smith|two spaces in a row",
                "server|'server' is reserved",
                " SeRvEr |'server' is reserved",
                "ｓｅｒｖｅｒ|'server' is reserved",
                "alice#2|use letters, digits, space and - _ . ' only",
                "Client(5)|use letters, digits, space and - _ . ' only",
                "<b>|use letters, digits, space and - _ . ' only",
                "a\u200Bb|use letters, digits, space and - _ . ' only", // a zero-width space (Cf)
                "a\u202Eb|use letters, digits, space and - _ . ' only", // right-to-left override
                "a\uD800b|use letters, digits, space and - _ . ' only", // a lone surrogate
                "😀|use letters, digits, space and - _ . ' only",
                "a\u00A0b|use letters, digits, space and - _ . ' only" // no-break space: not a space
            })
    void anInvalidNameIsRefusedWithAReasonThatDoesNotQuoteIt(String requested, String why) {
        assertEquals(Optional.of(why), DisplayName.read(requested).refusal());
        assertEquals(Optional.empty(), DisplayName.parse(requested));
    }

    @Test
    void controlCharactersInsideANameAreRefused() {
        for (String text : List.of("a\nb", "a\u0000b", "a\rb", "a\u007Fb", "a\u0085b")) {
            assertEquals(
                    Optional.of(DisplayName.CHARACTERS), DisplayName.read(text).refusal(), text::strip);
        }
    }

    @Test
    void aNameIsAtMost32CodePointsAfterNormalisation() {
        assertEquals(
                32, DisplayName.parse("a".repeat(32)).orElseThrow().toString().length());
        assertEquals(
                Optional.of(DisplayName.TOO_LONG),
                DisplayName.read("a".repeat(33)).refusal());
        String astral = "\uD835\uDC00".repeat(32); // 32 mathematical bold A: 64 chars, 32 code points
        assertEquals(astral, DisplayName.parse(astral).orElseThrow().toString());
        assertEquals(
                Optional.of(DisplayName.TOO_LONG),
                DisplayName.read("a".repeat(100_000)).refusal());
        assertEquals(Optional.of(DisplayName.EMPTY), DisplayName.read(null).refusal());
    }

    @Test
    void namesAreEqualAsWrittenAndClashByKey() {
        DisplayName alice = DisplayName.parse("Alice").orElseThrow();

        assertNotEquals(DisplayName.parse("alice").orElseThrow(), alice);
        assertEquals(DisplayName.parse(" Alice").orElseThrow(), alice);
        assertEquals("alice", alice.key());
    }

    @Test
    void aTakenNameGetsTheNextFreeNumber() {
        DisplayName alice = DisplayName.parse("Alice").orElseThrow();

        assertEquals("Alice", alice.uniqueAmong(Set.of()));
        assertEquals("Alice", alice.uniqueAmong(Set.of("bob", "alice#2")));
        assertEquals("Alice#2", alice.uniqueAmong(Set.of("alice")));
        assertEquals("Alice#3", alice.uniqueAmong(Set.of("alice", "alice#2")));
        assertEquals("Alice#4", alice.uniqueAmong(Set.of("alice", "alice#2", "alice#3", "alice#5")));
    }
}
