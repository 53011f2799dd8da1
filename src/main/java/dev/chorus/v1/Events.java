package dev.chorus.v1;

import dev.chorus.naming.ClientName;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The server's chorus.v1 messages, rendered as compact JSON objects whose first member is {@code type}. */
public final class Events {

    /** Looked up once: {@code Json.createGenerator} would search for the provider on every call. */
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private Events() {}

    /**
     * To the newcomer only: its id and name, its room ({@code /} for the tutorial's), everyone present (itself
     * included) in join order with their names, and the room's newest seq so far.
     *
     * @param members the ids present, in join order, each with its name
     */
    public static String welcome(long id, String name, String room, Map<Long, String> members, long seq) {
        return render("welcome", json -> {
            json.write("id", id);
            json.writeStartArray("members");
            members.keySet().forEach(json::write);
            json.writeEnd();
            json.write("seq", seq);
            // After the members every version sent: a client that reads the start as before still can.
            json.write("room", room);
            json.write("name", name);
            json.writeStartObject("names");
            members.forEach((member, named) -> json.write(Long.toString(member), named));
            json.writeEnd();
        });
    }

    /** To everyone already present: client {@code id}, called {@code name} (not written if Client(N)), joined. */
    public static String joined(long id, String name) {
        return render("joined", json -> named(json.write("id", id), id, name));
    }

    /** To everyone still present: client {@code id}, called {@code name}, left. */
    public static String left(long id, String name) {
        return render("left", json -> named(json.write("id", id), id, name));
    }

    /**
     * Client {@code from} (0: the server), called {@code name}, said {@code text}; {@code seq} numbers a room's
     * said-messages 1, 2, 3 … for the server's life (with Redis, for the cluster's).
     */
    public static String said(long seq, long from, String name, String text) {
        return render("said", json -> {
            json.write("seq", seq);
            json.write("from", from);
            json.write("text", text);
            named(json, from, name);
        });
    }

    /**
     * Client {@code from}, called {@code name}, said {@code text} on a node cut off from the others: it reaches
     * that node's clients only, so it has no seq (the other nodes number theirs meanwhile), and it is neither kept
     * nor replayed.
     */
    public static String said(long from, String name, String text) {
        return render("said", json -> {
            json.write("from", from);
            json.write("text", text);
            named(json, from, name);
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

    /**
     * Writes {@code name} unless it is the {@code Client(N)} a client without a name has: a client shows that
     * when an event names nobody, so the events of the tutorial's clients stay as short as they always were.
     */
    private static void named(JsonGenerator json, long id, String name) {
        if (!ClientName.isDefault(id, name)) {
            json.write("name", name);
        }
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
