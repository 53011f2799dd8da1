package dev.chorus.v1;

import dev.chorus.protocol.CloseReasons;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/** What a chorus.v1 client's text message asks for. Unknown members of a command are ignored. */
public sealed interface Command {

    /** {@code {"type":"say","text":"…"}}: everyone (the sender included) receives a said-message. */
    record Say(String text) implements Command {}

    /** {@code {"type":"history"}}: the sender receives a history event with the said-messages kept. */
    record AskHistory() implements Command {}

    /**
     * Reads one command.
     *
     * @throws ProtocolViolation if {@code text} is not a JSON object with a string {@code type}, if a say has
     *     no string {@code text} or one with a lone surrogate, or if the type is unknown
     */
    static Command parse(String text) throws ProtocolViolation {
        JsonObject command = Reading.object(text);
        String type = Reading.string(command, "type");
        return switch (type) {
            case "say" -> new Say(Reading.encodable(Reading.string(command, "text")));
            case "history" -> new AskHistory();
            default -> throw new ProtocolViolation(CloseReasons.UNKNOWN_COMMAND, "an unknown command type");
        };
    }

    /** JSON reading for {@link #parse}; a nested class because an interface's members are all public. */
    final class Reading {

        /** Looked up once: {@code Json.createReader} would search for the provider on every call. */
        private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

        private Reading() {}

        static JsonObject object(String text) throws ProtocolViolation {
            try (JsonReader reader = JSON.createReader(new StringReader(text))) {
                JsonValue value = reader.readValue();
                if (value instanceof JsonObject object) {
                    return object;
                }
            } catch (RuntimeException e) {
                // Not JSON at all, or JSON the reader will not take: reported below, like JSON that is not an object.
                // Not only JsonException: Parsson throws a NumberFormatException for an exponent that overflows, and
                // a bare RuntimeException for nesting deeper than its limit. Either is the client's text, not a fault.
            }
            throw new ProtocolViolation(CloseReasons.INVALID_COMMAND, "text that is not a JSON object");
        }

        /** {@code text} if UTF-8 can carry it: JSON's escapes can spell a lone surrogate, which it cannot. */
        static String encodable(String text) throws ProtocolViolation {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new ProtocolViolation(CloseReasons.UNENCODABLE_TEXT, "a say with a lone surrogate");
                }
            }
            return text;
        }

        static String string(JsonObject command, String name) throws ProtocolViolation {
            if (command.get(name) instanceof JsonString string) {
                return string.getString();
            }
            throw new ProtocolViolation(CloseReasons.INVALID_COMMAND, "a command without a string \"" + name + "\"");
        }
    }
}
