package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.CloseReason;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleOutputTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ConsolePrinter printer = new ConsolePrinter(new PrintWriter(out), new PrintWriter(err), false);

    @Test
    void anotherClientsEscapeSequencesArePrintedAsEscapesOnOneLine() {
        printer.onMessage("Client(2) said: \u001b[2J\u001b]0;owned\u0007\rfake\nline\u202e");
        assertEquals("< Client(2) said: \\u001b[2J\\u001b]0;owned\\u0007\\rfake\\nline\\u202e\n", unixLines(out));
    }

    @Test
    void theServersCloseReasonAndErrorsAreEscapedToo() {
        printer.onClose(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye\u001b[1A"));
        printer.onError(new java.io.IOException("refused: 403 \u009b31mForbidden"));
        assertEquals("* closed: 1000 bye\\u001b[1A\n", unixLines(out));
        assertEquals("chorus client: refused: 403 \\u009b31mForbidden\n", unixLines(err));
    }

    @Test
    void printableTextIncludingBackslashesIsPrintedAsItCame() {
        printer.onMessage("{\"type\":\"said\",\"text\":\"C:\\\\temp \\u00e9 é 😀\"}");
        assertEquals("< {\"type\":\"said\",\"text\":\"C:\\\\temp \\u00e9 é 😀\"}\n", unixLines(out));
    }

    private static String unixLines(StringWriter writer) {
        return writer.toString().replace(System.lineSeparator(), "\n");
    }
}
