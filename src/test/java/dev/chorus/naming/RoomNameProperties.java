package dev.chorus.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class RoomNameProperties {

    @Property
    void any_string_is_parsed_without_throwing_and_a_parsed_name_reads_back_as_written(@ForAll String text) {
        RoomName.parse(text).ifPresent(room -> assertEquals(text, room.toString()));
    }

    @Property
    void every_name_of_the_allowed_characters_up_to_64_long_is_a_room(
            @ForAll
                    @StringLength(min = 1, max = 64)
                    @CharRange(from = 'a', to = 'z')
                    @CharRange(from = 'A', to = 'Z')
                    @CharRange(from = '0', to = '9')
                    @Chars({'_', '-'})
                    String name) {
        assertFalse(RoomName.parse(name).orElseThrow().isRoot());
    }

    @Property
    void a_name_with_any_other_character_is_refused(
            @ForAll @StringLength(max = 20) String before,
            @ForAll char other,
            @ForAll @StringLength(max = 20) String after) {
        if (Character.isLetterOrDigit(other) && other < 128 || other == '_' || other == '-') {
            return;
        }
        assertTrue(RoomName.parse(before + other + after).isEmpty(), () -> "took " + before + other + after);
    }
}
