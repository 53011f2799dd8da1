package dev.chorus.admin;

import dev.chorus.chat.ChatLines;
import dev.chorus.ops.OpsEndpoint;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.ops.Replies;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin endpoints over {@link Controls}, behind a bearer token: no token is 401, a wrong one 403, and
 * neither is ever logged. Paths are relative to where the adapter mounts it ({@code /admin} in the WAR, the
 * root of the launcher's admin port):
 *
 * <ul>
 *   <li>{@code GET /clients}: every client as JSON
 *   <li>{@code POST /clients/ID/messages}: the request body goes to that client alone, as text
 *   <li>{@code GET|PUT|DELETE /maintenance}: read, switch on, switch off maintenance mode
 *   <li>{@code POST /disconnect?mode=going-away|normal|abrupt}: disconnect every client
 *   <li>{@code /api/rooms…}: the server publish API, {@link RoomsApi}
 * </ul>
 */
public final class AdminEndpoint implements OpsEndpoint {

    private static final System.Logger LOG = System.getLogger(AdminEndpoint.class.getName());
    private static final Pattern CLIENT_MESSAGES = Pattern.compile("/clients/(\\d{1,19})/messages");

    private final BearerToken token;
    private final Supplier<Controls> controls;
    private final RoomsApi rooms;

    /**
     * @param token the bearer token every request must carry
     * @param controls the current room's controls (looked up per request)
     * @param rooms the server publish API under {@code /api/rooms}
     */
    public AdminEndpoint(String token, Supplier<Controls> controls, RoomsApi rooms) {
        this.token = new BearerToken(token);
        this.controls = controls;
        this.rooms = rooms;
    }

    @Override
    public OpsReply handle(OpsRequest request) {
        BearerToken.Verdict verdict = token.check(request.header("Authorization"));
        if (verdict != BearerToken.Verdict.ACCEPTED) {
            return refuse(request, verdict);
        }
        String path = request.path();
        if (RoomsApi.serves(path)) {
            return rooms.handle(request);
        }
        Matcher clientMessages = CLIENT_MESSAGES.matcher(path);
        if (path.equals("/clients")) {
            return only("GET", request, () -> clients(controls.get()));
        } else if (clientMessages.matches()) {
            OptionalLong id = clientId(clientMessages.group(1));
            if (id.isEmpty()) {
                return Replies.notFound(); // past Long.MAX_VALUE: nobody's id
            }
            return only("POST", request, () -> send(controls.get(), id.getAsLong(), request.text()));
        } else if (path.equals("/maintenance")) {
            return maintenance(controls.get(), request.method());
        } else if (path.equals("/disconnect")) {
            return only("POST", request, () -> disconnect(controls.get(), request.parameter("mode")));
        }
        return Replies.notFound();
    }

    private static OpsReply refuse(OpsRequest request, BearerToken.Verdict verdict) {
        boolean missing = verdict == BearerToken.Verdict.MISSING;
        LOG.log(
                Level.WARNING,
                "Refused an admin request with {0}: {1} {2}",
                missing ? "no token" : "a wrong token",
                request.method(),
                // A container may hand the path over decoded: a %0A in it must not start a second log line.
                ChatLines.escapeForLog(request.path()));
        if (missing) {
            return new OpsReply(
                    401,
                    OpsReply.JSON,
                    Replies.object()
                            .add("error", "a bearer token is required")
                            .build()
                            .toString(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"chorus-admin\""));
        }
        return Replies.error(403, "wrong token");
    }

    private static OpsReply only(String method, OpsRequest request, Supplier<OpsReply> action) {
        return request.method().equals(method) ? action.get() : Replies.methodNotAllowed(method);
    }

    private static OpsReply clients(Controls controls) {
        JsonArrayBuilder clients = Replies.JSON.createArrayBuilder();
        for (ClientView client : controls.clients()) {
            JsonObjectBuilder json = Replies.object().add("id", client.id());
            client.remoteAddress()
                    .ifPresentOrElse(a -> json.add("remoteAddress", a), () -> json.addNull("remoteAddress"));
            clients.add(json.add("connectedSince", client.connectedSince().toString())
                    .add("queuedBytes", client.queuedBytes())
                    .add("messagesIn", client.messagesIn())
                    .add("messagesOut", client.messagesOut()));
        }
        return OpsReply.json(200, clients.build());
    }

    private static OpsReply send(Controls controls, long id, String text) {
        if (!controls.send(id, text)) {
            return Replies.error(404, "no client " + id);
        }
        return OpsReply.json(202, Replies.object().add("queued", true).build());
    }

    private static OptionalLong clientId(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OpsReply maintenance(Controls controls, String method) {
        switch (method) {
            case "PUT" -> controls.maintenance(true);
            case "DELETE" -> controls.maintenance(false);
            case "GET" -> {}
            default -> {
                return Replies.methodNotAllowed("GET, PUT, DELETE");
            }
        }
        return OpsReply.json(
                200, Replies.object().add("maintenance", controls.maintenance()).build());
    }

    private static OpsReply disconnect(Controls controls, Optional<String> mode) {
        Optional<Disconnect> chosen = Disconnect.byLabel(mode.orElse(Disconnect.GOING_AWAY.label()));
        if (chosen.isEmpty()) {
            return Replies.error(400, "mode must be going-away, normal or abrupt");
        }
        try {
            int count = controls.disconnectAll(chosen.get());
            return OpsReply.json(
                    200, Replies.object().add("disconnected", count).build());
        } catch (UnsupportedOperationException e) {
            return Replies.error(501, e.getMessage());
        }
    }
}
