package dev.chorus.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
