package dev.chorus.client;

import dev.chorus.v1.ChorusV1;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import java.io.StringReader;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Where a {@link ReconnectingClient}'s chorus.v1 conversation stands, so that the next connection asks for
 * what was missed: {@code ?since=<last seq>}. The last seq is the newest said-message accounted for — seen,
 * or reported lost in a {@code gap}; the first welcome sets it to the welcome's seq (what came before joining
 * is not news). Connections that did not negotiate chorus.v1 leave it alone, so a client that never offers
 * the subprotocol always reconnects to the URI as given.
 *
 * <p>Called from the client's own thread (the URI, the close) and Tyrus's (the open, each message).
 */
final class Resumption {

    /** Looked up once: {@code Json.createReader} would search for the provider on every call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private OptionalLong lastSeq = OptionalLong.empty();
    /** What the current connection asked for with {@code ?since=}, if anything. */
    private OptionalLong asked = OptionalLong.empty();

    private boolean v1;
    private boolean welcomed;

    /** The newest said-message accounted for, if a chorus.v1 connection has been welcomed. */
    synchronized OptionalLong lastSeq() {
        return lastSeq;
    }

    /** The URI for the next connection: {@code base} with {@code since} set to the last seq, if there is one. */
    synchronized URI next(URI base) {
        asked = lastSeq;
        return lastSeq.isPresent() ? withSince(base, lastSeq.getAsLong()) : base;
    }

    synchronized void opened(String subprotocol) {
        v1 = ChorusV1.NAME.equals(subprotocol);
        welcomed = false;
    }

    synchronized void heard(String text) {
        if (!v1) {
            return;
        }
        JsonObject event = event(text);
        if (event == null) {
            return;
        }
        switch (event.getString("type", "")) {
            case "welcome" -> welcome(number(event, "seq"));
            case "said" -> number(event, "seq")
                    .ifPresent(seq -> lastSeq = OptionalLong.of(Math.max(seq, lastSeq.orElse(0))));
            case "gap" -> number(event, "missed")
                    .ifPresent(missed -> lastSeq = OptionalLong.of(lastSeq.orElse(0) + missed));
            default -> {
                // Presence and history do not move the position.
            }
        }
    }

    private void welcome(OptionalLong seq) {
        welcomed = true;
        if (seq.isEmpty()) {
            return;
        }
        if (asked.isEmpty()) {
            lastSeq = seq; // a fresh start: only what comes after joining is news
        } else if (asked.getAsLong() > seq.getAsLong()) {
            lastSeq = OptionalLong.of(0); // the server restarted and counts from 1 again: all it kept is news
        }
    }

    /**
     * A chorus.v1 connection that asked for a since and was closed with 1008 before its welcome had it refused
     * ({@code 1008 invalid since}): the next one starts afresh instead of asking again, and again.
     */
    synchronized void closed(CloseReason reason) {
        if (v1
                && !welcomed
                && asked.isPresent()
                && reason.getCloseCode().getCode() == CloseReason.CloseCodes.VIOLATED_POLICY.getCode()) {
            lastSeq = OptionalLong.empty();
        }
        v1 = false;
    }

    /** {@code base} with its {@code since} query parameter (if any) replaced by {@code since}. */
    static URI withSince(URI base, long since) {
        String query = base.getRawQuery() == null ? "" : base.getRawQuery();
        String kept = Arrays.stream(query.split("&"))
                .filter(part ->
                        !part.isEmpty() && !part.equals(ChorusV1.SINCE) && !part.startsWith(ChorusV1.SINCE + "="))
                .collect(Collectors.joining("&"));
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "?"
                + (kept.isEmpty() ? "" : kept + "&") + ChorusV1.SINCE + "=" + since);
    }

    /** The event in {@code text}, or null for text that is not a JSON object (an operator's message, say). */
    private static JsonObject event(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static OptionalLong number(JsonObject event, String name) {
        return event.get(name) instanceof JsonNumber number
                ? OptionalLong.of(number.longValue())
                : OptionalLong.empty();
    }
}
