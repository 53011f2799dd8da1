package dev.chorus.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chorus.naming.RoomName;
import org.junit.jupiter.api.Test;

class ChatLinesTest {

    @Test
    void textUpTo200CharactersIsLoggedWhole() {
        String text = "a".repeat(200);
        assertEquals(text, ChatLines.cutForLog(text));
    }

    @Test
    void longerTextIsCutAt200CharactersThenTwoDots() {
        assertEquals("a".repeat(200) + "..", ChatLines.cutForLog("a".repeat(201)));
    }

    @Test
    void theCutCountsCharactersNotUtf16UnitsSoNoEmojiIsSplit() {
        String text = "😀".repeat(250);
        assertEquals("😀".repeat(200) + "..", ChatLines.cutForLog(text));
    }

    @Test
    void lineBreaksInATextAreEscapedSoItCannotForgeASecondLogLine() {
        String forged = "hi\n2026-11-24 23:00:01.123 INFO    dev.chorus.chat.ChatRoom - Client(99) disconnected";
        assertEquals(
                "hi\\n2026-11-24 23:00:01.123 INFO    dev.chorus.chat.ChatRoom - Client(99) disconnected",
                ChatLines.cutForLog(forged));
        assertEquals("a\\r\\nb", ChatLines.cutForLog("a\r\nb"));
    }

    @Test
    void otherControlCharactersAndUnicodeLineSeparatorsAreEscapedToo() {
        assertEquals(
                "\\u001b[31mred\\t\\u0000\\u007f\\u0085", ChatLines.cutForLog("\u001b[31mred\t\u0000\u007f\u0085"));
        assertEquals("one\\u2028two\\u2029three", ChatLines.cutForLog("one\u2028two\u2029three"));
    }

    @Test
    void bidiControlsThatWouldReorderTheLineOnATerminalAreEscaped() {
        assertEquals("abc\\u202edcba\\u2066x\\u2069", ChatLines.cutForLog("abc\u202edcba\u2066x\u2069"));
    }

    @Test
    void ordinaryTextBackslashesAndEmojiAreLoggedUnchanged() {
        String text = "C:\\temp\\new ✓ 😀 👨\u200d👩\u200d👧 ünïcödé";
        assertSame(text, ChatLines.cutForLog(text));
    }

    @Test
    void theCutCountsTheTextsCharactersNotTheEscapes() {
        String text = "\n".repeat(201);
        assertEquals("\\n".repeat(200) + "..", ChatLines.cutForLog(text));
    }

    @Test
    void withoutMessagesInTheLogASaidLineCarriesOnlyTheSize() {
        assertEquals("Client(7) said: héllo", ChatLines.saidLog("Client(7)", "héllo", true));
        assertEquals("Client(7) said 6 bytes", ChatLines.saidLog("Client(7)", "héllo", false));
    }

    @Test
    void inTheTutorialsRoomAClientWithoutANameIsWrittenAsTheTutorialWritesIt() {
        assertEquals("Client(7)", ChatLines.label(7, "Client(7)", RoomName.ROOT));
        assertEquals("New client connected and was given id 7", ChatLines.joinedLog(7, "Client(7)", RoomName.ROOT));
    }

    @Test
    void aNameAndARoomAreWrittenAfterTheId() {
        RoomName lobby = RoomName.parse("lobby").orElseThrow();
        assertEquals("Client(7) [alice] in room lobby", ChatLines.label(7, "alice", lobby));
        assertEquals("Client(7) [alice]", ChatLines.label(7, "alice", RoomName.ROOT));
        assertEquals(
                "New client connected to room lobby and was given id 7 [alice]",
                ChatLines.joinedLog(7, "alice", lobby));
    }

    @Test
    void whatTheServerSaysGoesToTutorialClientsAsItIs() {
        assertEquals("hello all", ChatLines.said(0, "hello all"));
    }
}
