package dev.chorus.handshake;

import dev.chorus.identity.Identity;
import dev.chorus.identity.TokenKey;
import dev.chorus.identity.TokenVerifier;
import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import dev.chorus.ops.Replies;
import java.util.Map;
import java.util.Optional;

/**
 * The one upgrade gate, for the launcher and the WAR alike: from a request to a {@link Verdict}. In order: is
 * it a WebSocket upgrade at all ({@link UpgradeRequest#isWebSocketUpgrade}); does the room take newcomers
 * (maintenance, draining, bus down: 503 with {@code Retry-After} and a JSON body); who sent it
 * ({@link Forwarding}); does the request keep {@link HandshakeRules}; does its path name a room ({@code /}, or
 * {@code /rooms/NAME}: 400 otherwise) and its {@code ?name=}, if any, a display name (400); with a token key, does
 * it carry a valid token ({@link TokenCheck}: 401, 403, also for a room outside its {@code rooms} claim and a
 * {@code name} claim that is no display name); can this node hold the room ({@code --max-rooms}: 503); is there a
 * place under {@link ConnectionCaps} (503). Every refusal is logged and counted by the room before it is returned.
 *
 * <p>The token comes after the rules, so a request that is no valid upgrade (405, 426, 400) or comes from a
 * foreign page (403) is told so whatever token it holds, and no signature is checked for it; and before the caps,
 * so a client without a valid token never takes a place under them, even for a moment. The room and name come
 * before the token (a malformed request is told so, signed or not) and the room limit after it (only a client
 * with a valid token learns that this node is full of rooms).
 */
public final class UpgradeGate {

    /** What the gate needs of the room: its say on newcomers, and a place to report refusals. */
    public interface Door {
        /** Why newcomers are turned away now, if they are (the room logs and counts it). */
        Optional<Refusal> admit();

        /** An upgrade broke a rule or a cap (the room logs and counts it). */
        void refusedUpgrade(String address, Rejection refused);

        /**
         * Whether {@code room} can be held now: this node holds it already, or has a place for one more room
         * ({@code --max-rooms}). No: 503 {@value UpgradeGate#ROOM_LIMIT}.
         */
        default boolean canHold(RoomName room) {
            return true;
        }
    }

    /** The refusal of an upgrade to a room this node has no place for. */
    public static final String ROOM_LIMIT = "room limit reached";

    private static final String TEXT = "text/plain;charset=UTF-8";
    private static final String JSON = "application/json";

    private final Door door;
    private final HandshakeRules rules;
    private final ConnectionCaps caps;
    private final Forwarding forwarding;
    private final long retryAfterSeconds;
    private final Optional<TokenCheck> tokens;

    /**
     * @param forwarding who a request is from (the WAR trusts no proxy: {@link TrustedProxies#NONE})
     * @param retryAfterSeconds what a newcomer the room turns away is told to wait
     */
    public UpgradeGate(
            Door door, HandshakeRules rules, ConnectionCaps caps, Forwarding forwarding, long retryAfterSeconds) {
        this(door, rules, caps, forwarding, retryAfterSeconds, Optional.empty());
    }

    /**
     * @param tokenKey what signs the tokens every upgrade must carry; empty: no token is asked for
     */
    public UpgradeGate(
            Door door,
            HandshakeRules rules,
            ConnectionCaps caps,
            Forwarding forwarding,
            long retryAfterSeconds,
            Optional<TokenKey> tokenKey) {
        this.door = door;
        this.rules = rules;
        this.caps = caps;
        this.forwarding = forwarding;
        this.retryAfterSeconds = retryAfterSeconds;
        this.tokens = tokenKey.map(key -> new TokenCheck(new TokenVerifier(key)));
    }

    /** The gate's say on {@code request}; never throws on what a client wrote. */
    public Verdict decide(UpgradeRequest request) {
        if (!request.isWebSocketUpgrade()) {
            return Verdict.PASS;
        }
        Optional<Refusal> closed = door.admit();
        if (closed.isPresent()) {
            return unavailable(closed.get().label());
        }
        Requester client = forwarding.resolve(request.peer(), request.headers(), request.secure());
        Optional<Rejection> broken = rules.check(request, client);
        if (broken.isPresent()) {
            return refused(client, broken.get());
        }
        Optional<RoomName> room = Asked.room(request.path());
        if (room.isEmpty()) {
            return refused(client, Rejection.of(400, Asked.INVALID_ROOM));
        }
        Optional<DisplayName.Reading> name = Asked.name(request.query());
        if (name.isPresent() && name.get().refusal().isPresent()) {
            return refused(
                    client,
                    Rejection.of(400, Asked.INVALID_NAME + name.get().refusal().get()));
        }
        return whoAndWhere(request, client, room.get(), name.flatMap(DisplayName.Reading::name));
    }

    /** The steps after the request's own: its token, the room's place on this node, the caps. */
    private Verdict whoAndWhere(UpgradeRequest request, Requester client, RoomName room, Optional<DisplayName> name) {
        Optional<Identity> identity = Optional.empty();
        if (tokens.isPresent()) {
            TokenCheck.Result checked = tokens.get().check(request, room);
            if (checked instanceof TokenCheck.Refused refusal) {
                return refused(client, refusal.why());
            }
            identity = Optional.of(((TokenCheck.Verified) checked).identity());
        }
        if (!door.canHold(room)) {
            door.refusedUpgrade(client.address(), new Rejection(503, ROOM_LIMIT, retryAfter()));
            return unavailable(ROOM_LIMIT);
        }
        ConnectionCaps.Claim claim = caps.claim(client.address());
        if (claim instanceof ConnectionCaps.Full full) {
            return refused(client, full.why());
        }
        return new Verdict.Admit(client, (ConnectionCaps.Slot) claim, room, name, identity);
    }

    /** The caps this gate counts against (open connections, for tests). */
    public ConnectionCaps caps() {
        return caps;
    }

    /** A 503 that says to come back later, with a JSON body saying why. */
    private Verdict.Refuse unavailable(String label) {
        String body = Replies.object()
                .add("error", "unavailable")
                .add("reason", label)
                .build()
                .toString();
        return new Verdict.Refuse(503, label, retryAfter(), JSON, body);
    }

    private Map<String, String> retryAfter() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }

    private Verdict.Refuse refused(Requester client, Rejection why) {
        door.refusedUpgrade(client.address(), why);
        return new Verdict.Refuse(why.status(), why.reason(), why.headers(), TEXT, why.reason() + "\n");
    }
}
