package dev.chorus.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

class DisplayNameProperties {

    @Property
    void any_string_is_read_without_throwing_into_a_name_or_a_reason(@ForAll String text) {
        DisplayName.Reading reading = DisplayName.read(text);

        assertNotEquals(reading.name().isPresent(), reading.refusal().isPresent(), reading::toString);
    }

    @Property
    void an_accepted_name_reads_back_as_itself(@ForAll("nameLike") String text) {
        Statistics.collect(DisplayName.parse(text).isPresent() ? "accepted" : "refused");
        Statistics.coverage(coverage -> coverage.check("accepted").percentage(p -> p > 20));
        DisplayName.parse(text)
                .ifPresent(name ->
                        assertEquals(name, DisplayName.parse(name.toString()).orElseThrow()));
    }

    @Property
    void an_accepted_name_holds_no_control_format_surrogate_or_other_invisible_character(
            @ForAll("nameLike") String text) {
        DisplayName.parse(text).ifPresent(name -> {
            String shown = name.toString();
            assertTrue(shown.codePoints().noneMatch(DisplayNameProperties::hidden), shown);
            assertFalse(shown.isBlank() || shown.contains("  ") || shown.contains("#"), shown);
            assertTrue(shown.codePointCount(0, shown.length()) <= DisplayName.MAX_CODE_POINTS, shown);
            assertNotEquals(DisplayName.RESERVED, name.key());
        });
    }

    @Property
    void a_name_with_a_control_format_or_lone_surrogate_character_is_refused(
            @ForAll("nameLike") String before, @ForAll("invisible") char hidden, @ForAll("nameLike") String after) {
        String text = (before + hidden + after).strip(); // white space at either end is trimmed, not refused
        if (text.codePoints().anyMatch(DisplayNameProperties::hidden)) {
            assertTrue(
                    DisplayName.parse(text).isEmpty(),
                    () -> "took " + text.codePoints().boxed().toList());
            assertTrue(
                    DisplayName.parse(" " + text + " ").isEmpty(),
                    () -> "took " + text.codePoints().boxed().toList());
        }
    }

    @Property
    void a_unique_name_is_never_one_already_taken(
            @ForAll("nameLike") String text, @ForAll @Size(max = 12) List<@StringLength(max = 3) String> suffixes) {
        DisplayName.parse(text).ifPresent(name -> {
            Set<String> taken = new HashSet<>();
            taken.add(name.key());
            suffixes.forEach(suffix -> taken.add(DisplayName.key(name + suffix)));
            for (int i = 0; i < 5; i++) {
                String unique = name.uniqueAmong(taken);
                assertTrue(taken.add(DisplayName.key(unique)), () -> unique + " was taken: " + taken);
                assertTrue(unique.equals(name.toString()) || unique.startsWith(name + "#"), unique);
            }
        });
    }

    /** Mostly allowed characters, with some of every other kind: many are accepted, many are not. */
    @Provide
    Arbitrary<String> nameLike() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().alpha().numeric()),
                Tuple.of(2, Arbitraries.of(' ', '-', '_', '.', '\'', 'é', 'ß', '李', 'Ⅻ')),
                Tuple.of(1, Arbitraries.chars()),
                Tuple.of(1, invisible()));
        return chars.list().ofMaxSize(40).map(DisplayNameProperties::join);
    }

    @Provide
    Arbitrary<Character> invisible() {
        return Arbitraries.chars().filter(c -> hidden(c));
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }

    /** Control (Cc), format (Cf), surrogate (Cs), private use, unassigned, marks, separators other than space. */
    private static boolean hidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            case Character.SPACE_SEPARATOR -> codePoint != ' ';
            default -> false;
        };
    }
}
