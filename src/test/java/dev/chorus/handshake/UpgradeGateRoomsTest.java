package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.identity.TokenKey;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import dev.chorus.settings.OriginPolicy;
import dev.chorus.settings.TrustedProxies;
import dev.chorus.testing.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate's reading of the room (the path) and the name ({@code ?name=}, the token's claim); no server. */
class UpgradeGateRoomsTest {

    private static final String PEER = "192.0.2.7";
    private static final String INVALID_ROOM = "invalid room name: use 1-64 of A-Z a-z 0-9 _ -";
    private static final String INVALID_TOKEN = "Bearer realm=\"chorus\", error=\"invalid_token\"";

    private final GateDoor door = new GateDoor();
    private final UpgradeGate open = gate(Optional.empty());
    private final UpgradeGate signed = gate(Optional.of(TokenKey.parse(Tokens.SECRET)));

    @Test
    void theRootPathIsTheTutorialRoomAndRoomsNameTheirRoom() {
        assertEquals(RoomName.ROOT, admit(open, "/", null).room());
        assertEquals(room("lobby"), admit(open, "/rooms/lobby", null).room());
        assertEquals(room("A-z_09"), admit(open, "/rooms/A-z_09", "x=1").room());
        assertEquals(
                room("a".repeat(64)),
                admit(open, "/rooms/" + "a".repeat(64), null).room());
    }

    @ParameterizedTest(name = "an upgrade to ''{0}'' is no room's and is let through as before, as the root room")
    @ValueSource(strings = {"/rooms", "/roomsx/a", "/other", "/ROOMS/a", ""})
    void otherPathsPassAsBefore(String path) {
        assertEquals(RoomName.ROOT, admit(open, path, null).room());
    }

    @ParameterizedTest(name = "an upgrade to ''{0}'' gets 400")
    @ValueSource(
            strings = {"/rooms/", "/rooms//", "/rooms/a.b", "/rooms/a/b", "/rooms/lobby/", "/rooms/%41", "/rooms/é"})
    void anUpgradeToAnInvalidRoomNameGets400(String path) {
        Verdict.Refuse refused = refuse(open, path, null);

        assertEquals(400, refused.status());
        assertEquals(INVALID_ROOM, refused.reason());
        assertEquals(INVALID_ROOM + "\n", refused.body());
        assertEquals(List.of(PEER + " 400 " + INVALID_ROOM), door.refusals);
        assertEquals(0, open.caps().total());
    }

    @Test
    void aRoomNameOfSixtyFiveCharactersGets400() {
        assertEquals(
                INVALID_ROOM, refuse(open, "/rooms/" + "a".repeat(65), null).reason());
    }

    @Test
    void aMalformedUpgradeIsToldSoBeforeItsRoomIsRead() {
        Map<String, List<String>> headers = ValidUpgrades.headers();
        headers.remove("Sec-WebSocket-Key");

        assertEquals(
                "Sec-WebSocket-Key must be 16 bytes in base64",
                assertInstanceOf(Verdict.Refuse.class, open.decide(request(headers, "/rooms/a.b", null)))
                        .reason());
    }

    @Test
    void theNameAskedForIsReadDecodedAndNormalised() {
        assertEquals(Optional.empty(), admit(open, "/", null).name());
        assertEquals(Optional.empty(), admit(open, "/", "names=x&nam=y").name());
        assertEquals(name("Alice Smith"), admit(open, "/", "name=Alice%20Smith").name());
        assertEquals(
                name("Alice Smith"),
                admit(open, "/rooms/x", "a=1&name=+Alice+Smith+").name());
        assertEquals(name("Zoë"), admit(open, "/", "name=Zo%C3%AB").name());
        assertEquals(name("Zoë"), admit(open, "/", "name=Zoe%CC%88").name());
    }

    @Test
    void anInvalidNameGets400SayingWhy() {
        assertNameRefused("name=server", "invalid name: 'server' is reserved");
        assertNameRefused("name=", "invalid name: empty");
        assertNameRefused("name=a%0Ab", "invalid name: use letters, digits, space and - _ . ' only");
        assertNameRefused("name=a%ED%A0%80", "invalid name: use letters, digits, space and - _ . ' only");
        assertNameRefused("name=" + "a".repeat(33), "invalid name: longer than 32 characters");
        assertNameRefused("name=a&name=b", "invalid name: given more than once");
        assertNameRefused("name=%zz", "invalid name: not %-encoded");
    }

    @Test
    void aTokenLetsItsClientIntoTheRoomsItsClaimNamesOnly() {
        String token = Tokens.hs256("alice", claims -> claims.claim("rooms", List.of("lobby", "/")));

        assertEquals(
                room("lobby"), admit(signed, "/rooms/lobby", "token=" + token).room());
        assertEquals(RoomName.ROOT, admit(signed, "/", "token=" + token).room());
        Verdict.Refuse refused = refuse(signed, "/rooms/Lobby", "token=" + token);

        assertEquals(403, refused.status());
        assertEquals("room not in token", refused.reason());
        assertEquals(
                "Bearer realm=\"chorus\", error=\"insufficient_scope\"",
                refused.headers().get("WWW-Authenticate"));
    }

    @Test
    void aTokenWithoutARoomsClaimLetsItsClientIntoAnyRoom() {
        String token = Tokens.hs256("alice", claims -> claims);

        assertEquals(
                room("anywhere"),
                admit(signed, "/rooms/anywhere", "token=" + token).room());
    }

    @Test
    void aTokenWhoseNameClaimIsNoDisplayNameGets401InvalidToken() {
        String token = Tokens.hs256("alice", claims -> claims.claim("name", "Server"));

        Verdict.Refuse refused = refuse(signed, "/", "token=" + token);

        assertEquals(401, refused.status());
        assertEquals("invalid name in token: 'server' is reserved", refused.reason());
        assertEquals(Map.of("WWW-Authenticate", INVALID_TOKEN), refused.headers());
        assertEquals(List.of(PEER + " 401 invalid name in token: 'server' is reserved"), door.refusals);
    }

    @Test
    void theTokensNameComesBeforeTheOneAskedFor() {
        String token = Tokens.hs256("alice", claims -> claims.claim("name", " Alice\u0020"));
        String bare = Tokens.hs256("bob", claims -> claims);

        Verdict.Admit named = admit(signed, "/rooms/lobby", "name=Mallory&token=" + token);
        Verdict.Admit unnamed = admit(signed, "/", "name=Bobby&token=" + bare);

        assertEquals(name("Mallory"), named.name());
        assertEquals(new Introduction(room("lobby"), name("Alice"), named.identity()), named.introduction());
        assertEquals(name("Bobby"), unnamed.introduction().name());
        assertEquals("bob", unnamed.introduction().identity().orElseThrow().subject());
    }

    @Test
    void aRoomThisNodeCannotHoldGets503WithRetryAfterAndAJsonBody() {
        door.holds = room -> !room.equals(room("full"));

        Verdict.Refuse refused = refuse(open, "/rooms/full", null);

        assertEquals(503, refused.status());
        assertEquals("room limit reached", refused.reason());
        assertEquals(Map.of("Retry-After", "7"), refused.headers());
        assertEquals("application/json", refused.contentType());
        assertEquals("{\"error\":\"unavailable\",\"reason\":\"room limit reached\"}", refused.body());
        assertEquals(List.of(PEER + " 503 room limit reached"), door.refusals);
        assertEquals(0, open.caps().total());
        assertEquals(room("other"), admit(open, "/rooms/other", null).room());
    }

    @Test
    void onlyAClientWithAValidTokenLearnsThatTheRoomLimitIsReached() {
        door.holds = room -> false;

        assertEquals(401, refuse(signed, "/rooms/full", null).status());
        assertEquals(
                503,
                refuse(signed, "/rooms/full", "token=" + Tokens.hs256("alice", claims -> claims))
                        .status());
    }

    private void assertNameRefused(String query, String reason) {
        door.refusals.clear();
        Verdict.Refuse refused = refuse(open, "/rooms/lobby", query);

        assertEquals(400, refused.status());
        assertEquals(reason, refused.reason());
        assertEquals(List.of(PEER + " 400 " + reason), door.refusals);
        assertTrue(refused.body().startsWith(reason), refused.body());
    }

    private UpgradeGate gate(Optional<TokenKey> key) {
        return new UpgradeGate(
                door,
                new HandshakeRules(OriginPolicy.parse("", false)),
                new ConnectionCaps(3, 3),
                new Forwarding(TrustedProxies.NONE),
                7,
                key);
    }

    private static RoomName room(String name) {
        return RoomName.parse(name).orElseThrow();
    }

    private static Optional<DisplayName> name(String name) {
        return Optional.of(DisplayName.parse(name).orElseThrow());
    }

    private static Verdict.Admit admit(UpgradeGate gate, String path, String query) {
        Verdict verdict = gate.decide(request(ValidUpgrades.headers(), path, query));
        Verdict.Admit admitted = assertInstanceOf(Verdict.Admit.class, verdict, verdict::toString);
        admitted.slot().release();
        return admitted;
    }

    private static Verdict.Refuse refuse(UpgradeGate gate, String path, String query) {
        return assertInstanceOf(Verdict.Refuse.class, gate.decide(request(ValidUpgrades.headers(), path, query)));
    }

    static UpgradeRequest request(Map<String, List<String>> headers, String path, String query) {
        Map<String, List<String>> byName = new HashMap<>();
        headers.forEach((name, values) -> byName.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return new UpgradeRequest(
                "GET", path, name -> byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()), PEER, false, query);
    }
}
