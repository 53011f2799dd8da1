package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Handshake;
import dev.chorus.testing.Http;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.RedisServer;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TcpProxy;
import dev.chorus.testing.TestServers;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Redis failing in the ways it does, under real nodes (in this JVM, so their log lines can be read) and a real
 * redis-server: no answer at all (a blackholed link), slow answers (every reply held 300 ms by a proxy), error
 * answers (OOM under maxmemory), a stream the reader cannot read, and the reader's thread interrupted. What clients
 * see in each is docs/scale-out.md's "When Redis is slow, full or failing".
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RedisFaultsIT {

    /** How soon a node whose Redis stops answering reports not-ready: XREAD's 1 s block plus two 2 s timeouts. */
    private static final Duration NOT_READY_WITHIN = Duration.ofSeconds(5);

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Test
    void whileEveryRedisReplyIsLateNobodyIsEvictedNewcomersGetInAndEverythingArrivesInOrder() throws Exception {
        try (TcpProxy slow = TcpProxy.to("127.0.0.1", REDIS.uri().getPort());
                ChorusServer a = node(slow.port(), Setting.PING_INTERVAL, "300ms", Setting.PONG_TIMEOUT, "1s");
                ChorusServer b = node(slow.port(), Setting.PING_INTERVAL, "300ms", Setting.PONG_TIMEOUT, "1s");
                Peer onA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri())) {
            onA.expect(Peer.GREETING);
            int idA = onA.sayAndLearnId("before", onB);
            double pings = Scrape.of(http(a, "/metrics")).value("chorus_pings_sent_total");

            slow.delayReplies(Duration.ofMillis(300));
            for (int i = 0; i < 10; i++) {
                onA.say("slow " + i);
            }
            try (Peer lateOnA = Peer.join(a.uri());
                    Peer lateOnB = Peer.join(b.uri())) {
                // Each node goes on pinging its clients, and they on answering, for several pong timeouts.
                Scrape.awaitAtLeast(
                        http(a, "/metrics"),
                        pings + 4 * 3,
                        "pings sent on A while Redis is slow",
                        s -> s.value("chorus_pings_sent_total"));
                slow.restore();
                for (Peer peer : List.of(onA, onB)) {
                    for (int i = 0; i < 10; i++) {
                        expectIgnoringJoins(peer, "Client(" + idA + ") said: slow " + i);
                    }
                }
                lateOnA.say("late but here");
                String line = nextIgnoringJoins(lateOnA);
                assertTrue(line.endsWith(" said: late but here"), lateOnA::describeSeen);
                expectIgnoringJoins(onB, line);
                expectIgnoringJoins(lateOnB, line);
            }
            for (ChorusServer node : List.of(a, b)) {
                Scrape metrics = Scrape.of(http(node, "/metrics"));
                assertEquals(0, metrics.value("chorus_pongs_missed_total"), metrics::text);
                assertEquals(0, metrics.value("chorus_bus_errors_total", "kind", "connection"), metrics::text);
                assertEquals(1, metrics.value("chorus_bus_reachable"), metrics::text);
            }
            assertTrue(log.all().stream().noneMatch(l -> l.contains("unreachable")), () -> "" + log.all());
        }
    }

    /**
     * With every Redis reply 1.5 s late the publisher sends one batch of 256 events per 1.5 s; a client that sends
     * far faster fills the queue (4096 messages) and is closed, while everyone else stays.
     */
    @Test
    void aClientThatOutrunsASlowRedisIsClosedWith1013AndNobodyElseIs() throws Exception {
        try (TcpProxy slow = TcpProxy.to("127.0.0.1", REDIS.uri().getPort());
                ChorusServer a = node(slow.port(), Setting.MESSAGE_RATE, "0", Setting.BYTE_RATE, "0");
                Peer flooder = Peer.join(a.uri());
                Peer watcher = Peer.join(a.uri())) {
            flooder.expect(Peer.GREETING);
            slow.delayReplies(Duration.ofMillis(1_500));
            int sent = 0;
            try {
                while (sent < 3 * 4_096 && !flooder.client().closed().isDone()) {
                    flooder.say("m" + sent++);
                }
            } catch (IOException closedMeanwhile) {
                // the server closed it while it was still sending: that is the point
            }
            CloseReason closed = flooder.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1013, closed.getCloseCode().getCode(), closed::toString);
            assertEquals("chat overloaded, try again later", closed.getReasonPhrase());
            log.awaitMatching(Pattern.compile("^Client\\(\\d+\\) disconnected"), 1);
            slow.restore();

            Scrape metrics = Scrape.of(http(a, "/metrics"));
            assertTrue(metrics.value("chorus_bus_backlog_full_total") >= 1, metrics::text);
            assertEquals(0, metrics.value("chorus_pongs_missed_total"), metrics::text);
            // The watcher is still there, and hears a newcomer's join and its first words after the flood.
            try (Peer newcomer = Peer.join(a.uri())) {
                newcomer.say("after the flood");
                String said = newcomer.nextText();
                assertTrue(said.endsWith(" said: after the flood"), newcomer::describeSeen);
                String heard = watcher.nextText();
                while (!heard.equals(Peer.GREETING)) {
                    heard = watcher.nextText(); // the flood, as far as it got through
                }
                assertEquals(said, watcher.nextText(), watcher::describeSeen);
            }
        }
    }

    @Test
    void aNodeWhoseRedisStopsAnsweringIsNotReadyWithinFiveSecondsKeepsItsClientsChattingAndComesBack()
            throws Exception {
        try (TcpProxy link = TcpProxy.to("127.0.0.1", REDIS.uri().getPort());
                ChorusServer a = node(link.port());
                ChorusServer b = node(REDIS.uri().getPort());
                Peer onA = Peer.join(a.uri());
                Peer alsoOnA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri())) {
            onA.expect(Peer.GREETING);
            onA.expect(Peer.GREETING);
            alsoOnA.expect(Peer.GREETING);
            int idA = onA.sayAndLearnId("before", alsoOnA, onB);

            link.blackhole();
            awaitReady(a, 503, NOT_READY_WITHIN);
            assertEquals(503, Handshake.attempt(a.uri()).status());
            onA.say("in the dark");
            onA.expect("Client(" + idA + ") said: in the dark");
            alsoOnA.expect("Client(" + idA + ") said: in the dark");

            link.restore();
            awaitReady(a, 200, Peer.WAIT);
            onA.say("back");
            for (Peer peer : List.of(onA, alsoOnA, onB)) {
                peer.expect("Client(" + idA + ") said: back");
            }
        }
    }

    @Test
    void aRedisOutOfMemoryIsACommandErrorNotAnOutageAndTheLogDoesNotFlap() throws Exception {
        try (ChorusServer a = node(REDIS.uri().getPort());
                ChorusServer b = node(REDIS.uri().getPort());
                Peer onA = Peer.join(a.uri());
                Peer alsoOnA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri());
                Jedis admin = admin()) {
            onA.expect(Peer.GREETING);
            onA.expect(Peer.GREETING);
            alsoOnA.expect(Peer.GREETING);
            int idA = onA.sayAndLearnId("before", alsoOnA, onB);

            admin.configSet("maxmemory-policy", "noeviction");
            admin.configSet("maxmemory", "1");
            try {
                for (int i = 0; i < 5; i++) {
                    onA.say("while full " + i);
                    onA.expect("Client(" + idA + ") said: while full " + i);
                    alsoOnA.expect("Client(" + idA + ") said: while full " + i);
                }
                try (RawSocket newcomer = RawSocket.upgrade(a.uri())) {
                    CloseReason closed = newcomer.readUntilClose();
                    assertEquals(1013, closed.getCloseCode().getCode(), closed::toString);
                    assertEquals("chat unavailable, try again later", closed.getReasonPhrase());
                }
                Scrape metrics = Scrape.of(http(a, "/metrics"));
                assertTrue(metrics.value("chorus_bus_errors_total", "kind", "command") >= 6, metrics::text);
                assertEquals(0, metrics.value("chorus_bus_errors_total", "kind", "connection"), metrics::text);
                assertEquals(1, metrics.value("chorus_bus_reachable"), metrics::text);
                assertEquals(200, Http.get(http(a, "/health/ready")).statusCode());
            } finally {
                admin.configSet("maxmemory", "0");
            }
            onA.say("after");
            // B heard nothing of what Redis refused, and hears this next.
            for (Peer peer : List.of(onB, onA, alsoOnA)) {
                peer.expect("Client(" + idA + ") said: after");
            }
            List<String> lines = log.all();
            long refusedLines =
                    lines.stream().filter(l -> l.contains("refused a command")).count();
            assertTrue(refusedLines >= 1 && refusedLines < 6, () -> "one line per 30 s, not per error: " + lines);
            assertTrue(
                    lines.stream().noneMatch(l -> l.contains("unreachable") || l.contains("reachable again")),
                    () -> "no outage for a full Redis: " + lines);
        }
    }

    @Test
    void aStreamTheReaderCannotReadMakesTheNodeNotReadyUntilItCanReadAgain() throws Exception {
        try (ChorusServer a = node(REDIS.uri().getPort());
                ChorusServer b = node(REDIS.uri().getPort());
                Peer onA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri());
                Jedis admin = admin()) {
            onA.expect(Peer.GREETING);
            int idA = onA.sayAndLearnId("before", onB);

            admin.del(RedisBus.STREAM);
            admin.set(RedisBus.STREAM, "not a stream");
            try {
                awaitReady(a, 503, Peer.WAIT);
                assertEquals(
                        "{\"status\":\"DOWN\",\"reason\":\"bus-down\"}",
                        Http.get(http(a, "/health/ready")).body());
                log.awaitMatching(Pattern.compile("^Reading the Redis stream at .* failed"), 1);
                Scrape metrics = Scrape.of(http(a, "/metrics"));
                assertTrue(metrics.value("chorus_bus_reader_restarts_total") >= 1, metrics::text);
                assertTrue(metrics.value("chorus_bus_errors_total", "kind", "command") >= 1, metrics::text);
            } finally {
                admin.del(RedisBus.STREAM);
            }
            awaitReady(a, 200, Peer.WAIT);
            log.awaitMatching(Pattern.compile("^Reading the Redis stream at .* works again"), 1);
            onA.say("after");
            onB.expect("Client(" + idA + ") said: after");
            onA.expect("Client(" + idA + ") said: after");
        }
    }

    @Test
    void anInterruptedReaderThreadCountsAsAFailureAndReadsAgain() throws Exception {
        try (ChorusServer a = node(REDIS.uri().getPort());
                Peer onA = Peer.join(a.uri())) {
            int idA = onA.sayAndLearnId("before");
            Thread reader = readerThread();

            reader.interrupt();
            log.awaitMatching(Pattern.compile("^Reading the Redis stream at .* failed \\(.*interrupted"), 1);
            log.awaitMatching(Pattern.compile("^Reading the Redis stream at .* works again"), 1);
            assertTrue(reader.isAlive(), "the same thread reads on");
            Scrape metrics = Scrape.of(http(a, "/metrics"));
            assertEquals(1, metrics.value("chorus_bus_reader_restarts_total"), metrics::text);
            onA.say("after");
            onA.expect("Client(" + idA + ") said: after");
            assertEquals(200, Http.get(http(a, "/health/ready")).statusCode());
        }
    }

    private static ChorusServer node(int redisPort, Object... settings) throws IOException {
        Map<Setting, String> given = new java.util.EnumMap<>(Setting.class);
        given.put(Setting.REDIS, "redis://127.0.0.1:" + redisPort);
        for (int i = 0; i < settings.length; i += 2) {
            given.put((Setting) settings[i], (String) settings[i + 1]);
        }
        return TestServers.start(given);
    }

    private static Jedis admin() {
        return new Jedis(REDIS.uri());
    }

    private static URI http(ChorusServer node, String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    /** The one reader thread in this JVM (an earlier test's node may still be ending its own). */
    private static Thread readerThread() {
        Thread[] found = new Thread[1];
        dev.chorus.testing.Awaits.until(
                () -> {
                    List<Thread> readers = Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().equals("chorus-bus-reader") && t.isAlive())
                            .toList();
                    found[0] = readers.size() == 1 ? readers.get(0) : null;
                    return found[0] != null;
                },
                () -> "one thread named chorus-bus-reader");
        return found[0];
    }

    /** Polls {@code node}'s readiness until it answers {@code status}, for at most {@code within}. */
    private void awaitReady(ChorusServer node, int status, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> ready = Http.get(http(node, "/health/ready"));
        while (ready.statusCode() != status) {
            if (System.nanoTime() - deadline > 0) {
                fail("/health/ready not " + status + " within " + within + ": " + ready.statusCode() + " "
                        + ready.body() + "; log: " + log.all());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            ready = Http.get(http(node, "/health/ready"));
        }
    }

    /** The next text {@code peer} hears apart from join notices (newcomers join in any order around it). */
    private static void expectIgnoringJoins(Peer peer, String expected) throws InterruptedException {
        assertEquals(expected, nextIgnoringJoins(peer), peer::describeSeen);
    }

    private static String nextIgnoringJoins(Peer peer) throws InterruptedException {
        String text = peer.nextText();
        while (text.equals(Peer.GREETING)) {
            text = peer.nextText();
        }
        return text;
    }
}
