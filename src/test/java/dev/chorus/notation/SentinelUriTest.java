package dev.chorus.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.notation.SentinelUri.Endpoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentinelUriTest {

    @Test
    void severalSentinelsADatabaseAndTheMasterNameAreRead() {
        assertEquals(
                new SentinelUri(
                        List.of(new Endpoint("127.0.0.1", 26379), new Endpoint("sentinel-2.example", 26380)),
                        "mymaster",
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.of(2)),
                SentinelUri.parse("redis-sentinel://127.0.0.1:26379,sentinel-2.example:26380/2#mymaster"));
    }

    @Test
    void aSentinelWithoutAPortIsOnSentinelsOwnPortAndTheDatabaseIsOptional() {
        SentinelUri uri = SentinelUri.parse("REDIS-SENTINEL://sentinel#main");
        assertEquals(List.of(new Endpoint("sentinel", 26379)), uri.sentinels());
        assertEquals(OptionalInt.empty(), uri.database());
        assertEquals(
                OptionalInt.empty(),
                SentinelUri.parse("redis-sentinel://sentinel/#main").database());
    }

    @Test
    void credentialsAreTheMastersAndMayBeEscaped() {
        SentinelUri uri = SentinelUri.parse("redis-sentinel://chorus:p%40ss:word@127.0.0.1:26379#my%20master");
        assertEquals(Optional.of("chorus"), uri.user());
        assertEquals(Optional.of("p@ss:word"), uri.password());
        assertEquals("my master", uri.master());
        SentinelUri passwordOnly = SentinelUri.parse("redis-sentinel://:secret@127.0.0.1#m");
        assertEquals(Optional.empty(), passwordOnly.user());
        assertEquals(Optional.of("secret"), passwordOnly.password());
        assertEquals(
                Optional.of("secret"),
                SentinelUri.parse("redis-sentinel://secret@h#m").password());
    }

    @Test
    void anIpv6SentinelIsWrittenInBrackets() {
        SentinelUri uri = SentinelUri.parse("redis-sentinel://[::1]:26380#m");
        assertEquals(List.of(new Endpoint("::1", 26380)), uri.sentinels());
        assertEquals("m via Sentinel [::1]:26380", uri.toString());
    }

    @Test
    void itsTextNamesTheMasterAndTheSentinelsButNeverThePassword() {
        SentinelUri uri = SentinelUri.parse("redis-sentinel://u:secret@h1:1,h2:2/3#m");
        assertEquals("m via Sentinel h1:1,h2:2", uri.toString());
        assertFalse(uri.toString().contains("secret"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "redis://127.0.0.1:6379#m                    | does not start with redis-sentinel://",
                "redis-sentinel://127.0.0.1:26379            | names no master",
                "redis-sentinel://127.0.0.1:26379/#          | names no master",
                "redis-sentinel:///0#m                       | names no Sentinel",
                "redis-sentinel:h#m                          | names no Sentinel",
                "redis-sentinel://h1,,h2#m                   | has an empty Sentinel address",
                "redis-sentinel://h1:0#m                     | port is not a number from 1 to 65535",
                "redis-sentinel://h1:65536#m                 | port is not a number from 1 to 65535",
                "redis-sentinel://h1:#m                      | port is not a number from 1 to 65535",
                "redis-sentinel://h$1:1#m                    | host is not a name or an IP address",
                "redis-sentinel://h1/x#m                     | database (/db) that is not a whole number",
                "redis-sentinel://h1/1/2#m                   | database (/db) that is not a whole number",
                "redis-sentinel://h1?timeout=1s#m            | has a query",
                "redis-sentinel://u:secret@h 1#m             | is not a URI (Illegal character in authority at index",
            })
    void aBadUriIsRefusedNamingTheProblemButNotThePassword(String text, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SentinelUri.parse(text));
        assertTrue(e.getMessage().startsWith(problem) || e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
