package dev.chorus.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log event, on one line, for log shippers ({@code --log-format json}): {@code time}
 * (ISO-8601, UTC), {@code level}, {@code logger}, {@code message} (formatted, its parameters filled in),
 * {@code thread}, and {@code error} with the stack when there is one. JSON escapes every control character, so
 * one event is one line whatever a client wrote.
 */
public final class JsonLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("time", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("level", record.getLevel().getName())
                .add("logger", String.valueOf(record.getLoggerName()))
                .add("message", String.valueOf(formatMessage(record)))
                .add("thread", record.getLongThreadID());
        if (record.getThrown() != null) {
            StringWriter stack = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(stack));
            line.add("error", stack.toString());
        }
        return line.build() + System.lineSeparator();
    }
}
