package dev.chorus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.chat.RoomDirectory.Published;
import dev.chorus.ops.OpsReply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever comes in, the publish API answers with JSON and a 2xx, 4xx or 5xx status, and never throws. */
class PublishApiProperties {

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("~", "lobby", "", "..", "%7E", "a b", "x".repeat(65)),
                Arbitraries.strings().ofMaxLength(70));
        return Arbitraries.oneOf(
                // Anything but the routes to the room's controls, which this endpoint has not got.
                Arbitraries.strings().ofMaxLength(80).filter(p -> !p.matches("/(clients.*|maintenance|disconnect)")),
                Arbitraries.strings().ofMaxLength(40).map(s -> "/api/rooms" + s),
                segment.map(s -> "/api/rooms/" + s + "/messages"),
                segment.map(s -> "/api/rooms/" + s + "/members"),
                segment.map(s -> "/api/rooms/" + s),
                Arbitraries.of("/api/rooms", "/api/rooms/"));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("GET", "POST", "PUT", "DELETE", "HEAD"), Arbitraries.strings());
    }

    @Provide
    Arbitrary<Published> answers() {
        return Arbitraries.of(Published.class);
    }

    @Property
    void anyRequestGetsAJsonReplyWithASuccessClientOrServerStatus(
            @ForAll("methods") String method,
            @ForAll("paths") String path,
            @ForAll @Size(max = 40) byte[] body,
            @ForAll("answers") Published answer) {
        PublishApiTest.FakeChat chat = new PublishApiTest.FakeChat();
        chat.answer = answer;
        OpsReply reply =
                PublishApiTest.endpoint(chat).handle(PublishApiTest.request(method, path, body, PublishApiTest.TOKEN));
        int family = reply.status() / 100;
        assertTrue(family == 2 || family == 4 || family == 5, () -> reply.status() + " for " + method + " " + path);
        assertEquals(OpsReply.JSON, reply.contentType());
        JsonObject json = Json.createReader(new StringReader(reply.body())).readObject();
        if (family != 2) {
            assertTrue(json.containsKey("error"), reply::body);
        }
    }
}
