package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.chat.ChatLines;
import dev.chorus.naming.ClientName;
import dev.chorus.testing.DefaultNames;
import dev.chorus.v1.Command;
import dev.chorus.v1.Events;
import dev.chorus.v1.ProtocolViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load generator reads what the server really writes: were {@link Events} or {@link ChatLines} to change
 * their format, the benchmark would count every delivery as a stray line and report nothing, not fail.
 */
class DialectTest {

    @Test
    void aPlainSaidLineYieldsItsSenderAndStamp() {
        String text = Payload.text(Dialect.PLAIN, 12, -987_654_321_012L, 64);
        assertEquals(64, text.length());
        Payload.Parsed parsed = parse(Dialect.PLAIN, ChatLines.said(7, text));
        assertEquals(7, parsed.client);
        assertEquals(12, parsed.seq);
        assertEquals(-987_654_321_012L, parsed.nanos);
    }

    @Test
    void aV1SaidEventYieldsItsSenderAndStampWithinTheHead() throws ProtocolViolation {
        long nanos = 999_999_999_999_999_999L; // the most the parse takes: 31 years of uptime
        String say = Payload.text(Dialect.V1, 9_999_999, nanos, 64);
        String text = say.substring(
                Dialect.V1.sayStart().length(),
                say.length() - Dialect.V1.sayEnd().length());
        assertEquals(64, text.length());
        assertEquals(new Command.Say(text), Command.parse(say));
        // Long numbers everywhere: the stamp must still end within the receiver's head.
        Payload.Parsed parsed = parse(Dialect.V1, Events.said(99_999_999, 65_535, ClientName.of(65_535), text));
        assertEquals(65_535, parsed.client);
        assertEquals(9_999_999, parsed.seq);
        assertEquals(nanos, parsed.nanos);
    }

    @Test
    void greetingsAreEachJoinsWelcomeOrJoinedOnly() {
        assertTrue(greets(Dialect.PLAIN, ChatLines.GREETING));
        assertFalse(greets(Dialect.PLAIN, ChatLines.said(1, ChatLines.GREETING)));
        assertTrue(greets(Dialect.V1, Events.welcome(3, ClientName.of(3), "/", DefaultNames.of(1L, 2L, 3L), 0)));
        assertTrue(greets(Dialect.V1, Events.joined(4, ClientName.of(4))));
        assertFalse(greets(Dialect.V1, Events.left(4, ClientName.of(4))));
        assertFalse(greets(Dialect.V1, Events.said(1, 2, ClientName.of(2), "{\"type\":\"joined\",")));
    }

    @Test
    void aHelloIsFoundByItsExactText() {
        for (Dialect dialect : Dialect.values()) {
            String line = dialect == Dialect.PLAIN
                    ? ChatLines.said(5, "hello from sender 1")
                    : Events.said(3, 5, ClientName.of(5), "hello from sender 1");
            assertEquals(5, Payload.saidBy(dialect, line, "hello from sender 1"), dialect.name());
            assertEquals(-1, Payload.saidBy(dialect, line, "hello from sender 10"), dialect.name());
            assertEquals(-1, Payload.saidBy(dialect, line, "hello from sender "), dialect.name());
        }
    }

    @Test
    void otherLinesAreNotBenchmarkMessages() {
        for (String line : List.of(
                Events.said(1, 2, ClientName.of(2), "hello from sender 0"), Events.gap(3), "", "{\"type\":\"said\"")) {
            assertFalse(Payload.parse(
                    Dialect.V1, head(line), Math.min(line.length(), Receiver.HEAD), new Payload.Parsed()));
        }
        assertFalse(Payload.parse(Dialect.PLAIN, head("Client(x) said: 1 2 x"), 21, new Payload.Parsed()));
    }

    private static Payload.Parsed parse(Dialect dialect, String line) {
        Payload.Parsed parsed = new Payload.Parsed();
        assertTrue(Payload.parse(dialect, head(line), Math.min(line.length(), Receiver.HEAD), parsed), line);
        return parsed;
    }

    private static boolean greets(Dialect dialect, String line) {
        return dialect.isGreeting(head(line), Math.min(line.length(), Receiver.HEAD));
    }

    /** What a receiver keeps of a message: its first {@value Receiver#HEAD} characters. */
    private static char[] head(String line) {
        char[] head = new char[Receiver.HEAD];
        line.getChars(0, Math.min(line.length(), Receiver.HEAD), head, 0);
        return head;
    }
}
