package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void anUnknownTypeIsClosedWith1003() {
        ProtocolViolation violation =
                assertThrows(ProtocolViolation.class, () -> Command.parse("{\"type\":\"dance\"}"));
        assertEquals(1003, violation.closeReason().getCloseCode().getCode());
    }
}
