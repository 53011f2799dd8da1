package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chorus.protocol.CloseReasons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {

    @Test
    void aSayCarriesItsTextAndOtherMembersAreIgnored() throws ProtocolViolation {
        assertEquals(
                new Command.Say("hi \"there\" 😀"),
                Command.parse("{\"type\":\"say\",\"text\":\"hi \\\"there\\\" 😀\",\"extra\":1}"));
    }

    @Test
    void aHistoryCommandNeedsNothingElse() throws ProtocolViolation {
        assertEquals(new Command.AskHistory(), Command.parse(" {\"type\":\"history\"} "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hello",
                "",
                "[1]",
                "\"say\"",
                "{\"type\":1}",
                "{\"text\":\"x\"}",
                "{\"type\":\"say\"}",
                "{\"type\":\"say\",\"text\":null}",
                "{\"type\":\"say\",\"text\":"
            })
    void anythingElseIsAnInvalidCommandClosedWith1007(String text) {
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> Command.parse(text));
        assertEquals(1007, violation.closeReason().getCloseCode().getCode());
        assertEquals("invalid chorus.v1 command", violation.closeReason().getReasonPhrase());
    }

    /** Found by {@link CommandProperties}: the JSON reader threw these past the parser, and the client got 1011. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"say\",\"text\":\"x\",\"n\":1E-2147483649}",
                "{\"type\":\"say\",\"text\":\"x\",\"n\":2e2147483648}",
            })
    void aNumberWhoseExponentOverflowsIsAnInvalidCommandClosedWith1007(String text) {
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> Command.parse(text));
        assertEquals(CloseReasons.INVALID_COMMAND, violation.closeReason());
    }

    @Test
    void nestingDeeperThanTheJsonReaderTakesIsAnInvalidCommandClosedWith1007() {
        String deep = "{\"type\":\"say\",\"text\":\"x\",\"n\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> Command.parse(deep));
        assertEquals(CloseReasons.INVALID_COMMAND, violation.closeReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "a\\ud83d", "\\ude00\\ud83d", "ok \\ud83d\\ude00 \\udfff"})
    void aSayWithALoneSurrogateIsRefusedWith1007(String escapedText) {
        ProtocolViolation violation = assertThrows(
                ProtocolViolation.class, () -> Command.parse("{\"type\":\"say\",\"text\":\"" + escapedText + "\"}"));
        assertEquals(1007, violation.closeReason().getCloseCode().getCode());
        assertEquals("invalid text: lone surrogate", violation.closeReason().getReasonPhrase());
    }

    @Test
    void aSayWithASurrogatePairIsKept() throws ProtocolViolation {
        assertEquals(new Command.Say("😀"), Command.parse("{\"type\":\"say\",\"text\":\"\\ud83d\\ude00\"}"));
    }

    @Test
    void anUnknownTypeIsClosedWith1003() {
        ProtocolViolation violation =
                assertThrows(ProtocolViolation.class, () -> Command.parse("{\"type\":\"dance\"}"));
        assertEquals(1003, violation.closeReason().getCloseCode().getCode());
    }
}
