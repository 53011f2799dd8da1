package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** {@code --log-format json}: one JSON object per event, on one line, whatever the message holds. */
class JsonLineFormatterTest {

    private final JsonLineFormatter formatter = new JsonLineFormatter();

    @Test
    void anEventIsOneJsonObjectOnOneLineWithItsParametersFilledIn() {
        LogRecord record = new LogRecord(Level.INFO, "Client({0}) said: {1}");
        record.setParameters(new Object[] {"3", "two\nlines \u001b[2J"});
        record.setLoggerName("dev.chorus.chat.ChatRoom");

        String line = formatter.format(record);

        assertTrue(line.endsWith(System.lineSeparator()), line);
        assertEquals(1, line.split("\n", -1).length - 1, () -> "exactly one line break, at the end: " + line);
        JsonObject event = parse(line);
        assertEquals("INFO", event.getString("level"));
        assertEquals("dev.chorus.chat.ChatRoom", event.getString("logger"));
        assertEquals("Client(3) said: two\nlines \u001b[2J", event.getString("message"));
        assertTrue(event.getString("time").endsWith("Z"), event::toString);
    }

    @Test
    void anErrorCarriesItsStackInTheSameObject() {
        LogRecord record = new LogRecord(Level.SEVERE, "Unexpected error on Client(1)");
        record.setThrown(new IllegalStateException("boom"));

        JsonObject event = parse(formatter.format(record));

        assertTrue(event.getString("error").startsWith("java.lang.IllegalStateException: boom"), event::toString);
    }

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
