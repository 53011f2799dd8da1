package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The gate's reading of a path and a query never throws, and gives back what was asked for. */
class AskedProperties {

    @Property
    void any_path_is_read_without_throwing_and_only_a_rooms_path_can_be_refused(@ForAll String path) {
        Optional<RoomName> room = Asked.room(path);

        assertTrue(room.isPresent() || path.startsWith(Asked.ROOMS), path);
        room.ifPresent(read -> assertTrue(read.isRoot() || path.equals(Asked.ROOMS + read), path));
    }

    @Property
    void a_rooms_path_names_the_room_written_after_it(
            @ForAll
                    @StringLength(min = 1, max = 64)
                    @CharRange(from = 'a', to = 'z')
                    @CharRange(from = 'A', to = 'Z')
                    @CharRange(from = '0', to = '9')
                    @Chars({'_', '-'})
                    String name) {
        assertEquals(RoomName.parse(name), Asked.room(Asked.ROOMS + name));
    }

    @Property
    void any_query_is_read_without_throwing(@ForAll String query) {
        Asked.name(query)
                .ifPresent(reading -> assertTrue(
                        reading.name().isPresent() != reading.refusal().isPresent()));
    }

    @Property
    void a_name_encoded_into_the_query_reads_back_as_the_gate_takes_it(
            @ForAll @StringLength(max = 40) String name, @ForAll @StringLength(max = 10) String before) {
        String other = URLEncoder.encode(before, StandardCharsets.UTF_8);
        String query = "x=" + other + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&y";

        DisplayName.Reading reading = Asked.name(query).orElseThrow();

        assertEquals(DisplayName.read(name).name(), reading.name(), query);
    }
}
