package dev.chorus.v1;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The server's chorus.v1 messages, rendered as compact JSON objects whose first member is {@code type}. */
public final class Events {

    /** Looked up once: {@code Json.createGenerator} would search for the provider on every call. */
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private Events() {}

    /** To the newcomer only: its id, everyone present (itself included) and the newest seq so far. */
    public static String welcome(long id, Collection<Long> members, long seq) {
        return render("welcome", json -> {
            json.write("id", id);
            json.writeStartArray("members");
            members.forEach(json::write);
            json.writeEnd();
            json.write("seq", seq);
        });
    }

    /** To everyone already present: client {@code id} joined. */
    public static String joined(long id) {
        return render("joined", json -> json.write("id", id));
    }

    /** To everyone still present: client {@code id} left. */
    public static String left(long id) {
        return render("left", json -> json.write("id", id));
    }

    /**
     * Client {@code from} said {@code text}; {@code seq} numbers said-messages 1, 2, 3 … for the server's life
     * (with Redis, for the cluster's).
     */
    public static String said(long seq, long from, String text) {
        return render("said", json -> {
            json.write("seq", seq);
            json.write("from", from);
            json.write("text", text);
        });
    }

    /**
     * Client {@code from} said {@code text} on a node cut off from the others: it reaches that node's clients
     * only, so it has no seq (the other nodes number theirs meanwhile), and it is neither kept nor replayed.
     */
    public static String said(long from, String text) {
        return render("said", json -> {
            json.write("from", from);
            json.write("text", text);
        });
    }

    /** From an operator to this one client (the admin API's send): not a chat message, so no seq. */
    public static String notice(String text) {
        return render("notice", json -> json.write("text", text));
    }

    /** To a reconnecting client: {@code missed} said-messages it missed can no longer be replayed. */
    public static String gap(long missed) {
        return render("gap", json -> json.write("missed", missed));
    }

    /**
     * The answer to a history command: the said-messages kept, oldest first.
     *
     * @param said each one's {@link #said} rendering, already built (and shared with live delivery), so they
     *     are joined as they are instead of being parsed and written again
     */
    public static String history(List<String> said) {
        return "{\"type\":\"history\",\"messages\":[" + String.join(",", said) + "]}";
    }

    private static String render(String type, Consumer<JsonGenerator> members) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.write("type", type);
            members.accept(json);
            json.writeEnd();
        }
        return out.toString();
    }
}
