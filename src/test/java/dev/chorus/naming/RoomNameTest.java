package dev.chorus.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoomNameTest {

    @Test
    void the_root_room_is_written_as_a_slash() {
        assertEquals(RoomName.ROOT, RoomName.parse("/").orElseThrow());
        assertTrue(RoomName.ROOT.isRoot());
        assertEquals("/", RoomName.ROOT.toString());
    }

    @Test
    void names_are_compared_as_written() {
        assertNotEquals(RoomName.parse("Lobby"), RoomName.parse("lobby"));
        assertEquals(RoomName.parse("lobby"), RoomName.parse("lobby"));
    }

    @Test
    void empty_long_and_path_like_names_are_refused() {
        assertTrue(RoomName.parse("").isEmpty());
        assertTrue(RoomName.parse(null).isEmpty());
        assertTrue(RoomName.parse("a".repeat(65)).isEmpty());
        assertTrue(RoomName.parse("a".repeat(64)).isPresent());
        assertTrue(RoomName.parse("..").isEmpty());
        assertTrue(RoomName.parse("a/b").isEmpty());
        assertTrue(RoomName.parse("caf\u00e9").isEmpty());
    }

    @Test
    void the_root_room_sorts_first() {
        assertTrue(RoomName.ROOT.compareTo(RoomName.parse("a").orElseThrow()) < 0);
        assertTrue(
                RoomName.parse("b").orElseThrow().compareTo(RoomName.parse("a").orElseThrow()) > 0);
    }
}
