package dev.chorus.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.client.TlsTrust;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.page.Browser;
import dev.chorus.page.ChatPage;
import dev.chorus.settings.Setting;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.TestCertificates;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.TestTrust;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher behind Debian's nginx running {@code deploy/nginx/} (see {@link NginxSite} for the only changes
 * made to it): plain and TLS-terminated sockets, the site's own https page, and client addresses that nginx
 * forwards. Each test starts a launcher on a free port and an nginx in front of it, and stops both.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NginxProxyIT {

    private static final String SITE = "chat.example.com";
    private static final Map<Setting, String> BEHIND_NGINX = Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1");

    @TempDir
    static Path directory;

    private static TestCertificates identity;

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @BeforeAll
    static void trustTheTestCertificate() throws Exception {
        identity = TestCertificates.create(directory, "nginx");
        TestTrust.install(identity);
    }

    @AfterAll
    static void trustTheDefaultsAgain() {
        TestTrust.reset();
    }

    /**
     * A client on plain {@code ws://}. With a trust of its own, the client library speaks TLS whatever the URI's
     * scheme, so a plain one takes the JDK's default trust, which it then leaves unused.
     */
    private static Peer plainPeer(URI uri) throws InterruptedException {
        return Peer.join(uri, options -> options.withTrust(TlsTrust.systemDefault()));
    }

    /** nginx in front of {@code server}, in a directory of its own. */
    private static Nginx inFrontOf(ChorusServer server) throws Exception {
        return Nginx.start(
                Files.createTempDirectory(directory, "nginx-"), server.port(), identity.cert(), identity.key());
    }

    @Test
    void aTutorialClientChatsOverPlainWsThroughNginx() throws Exception {
        try (ChorusServer server = TestServers.start(BEHIND_NGINX);
                Nginx nginx = inFrontOf(server);
                Peer peer = plainPeer(nginx.ws())) {
            peer.say("Hello, world!");
            peer.expect("Client(1) said: Hello, world!");
        }
    }

    @Test
    void wssEndsAtNginxWhichSpeaksPlainWsToTheLauncher() throws Exception {
        try (ChorusServer server = TestServers.start(BEHIND_NGINX);
                Nginx nginx = inFrontOf(server);
                Peer overTls = Peer.join(nginx.wss());
                Peer plain = plainPeer(nginx.ws())) {
            assertEquals("ws", server.uri().getScheme(), "the launcher itself has no TLS");
            overTls.expect(Peer.GREETING);
            overTls.say("over TLS to nginx");
            overTls.expect("Client(1) said: over TLS to nginx");
            plain.expect("Client(1) said: over TLS to nginx");
        }
    }

    @Test
    void theSitesOwnHttpsPageMayConnectBecauseNginxForwardsItsSchemeAndHost() throws Exception {
        try (ChorusServer server = TestServers.start(BEHIND_NGINX);
                Nginx nginx = inFrontOf(server);
                RawSocket page = RawSocket.upgrade(nginx.wss(), fromTheSitesPage(nginx))) {
            assertEquals(Peer.GREETING, page.readFrame().text());
        }
    }

    @Test
    void withoutTrustedProxiesTheLauncherRefusesTheSitesOwnHttpsPage() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                Nginx nginx = inFrontOf(server)) {
            RawSocket.Refused refused = assertThrows(
                    RawSocket.Refused.class, () -> RawSocket.upgrade(nginx.wss(), fromTheSitesPage(nginx)));
            assertTrue(refused.head().startsWith("HTTP/1.1 403"), refused::head);
            log.awaitMatching(Pattern.compile("Refused an upgrade from 127\\.0\\.0\\.1: 403 origin not allowed"), 1);
        }
    }

    @Test
    void aClientOnPlainHttpCannotClaimHttpsForItselfThroughNginx() throws Exception {
        try (ChorusServer server = TestServers.start(BEHIND_NGINX);
                Nginx nginx = inFrontOf(server)) {
            String host = SITE + ":" + nginx.ws().getPort();
            for (Map<String, String> claim : List.of(
                    Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", host),
                    Map.of("Forwarded", "proto=https;host=\"" + host + "\""))) {
                Map<String, String> headers = new java.util.HashMap<>(claim);
                headers.putAll(Map.of("Host", host, "Origin", "https://" + host));
                RawSocket.Refused refused = assertThrows(
                        RawSocket.Refused.class,
                        () -> RawSocket.upgrade(nginx.ws(), headers),
                        () -> "an https origin on nginx's plain port, claiming " + claim);
                assertTrue(refused.head().startsWith("HTTP/1.1 403"), refused::head);
            }
        }
    }

    /** What a browser on https://chat.example.com:PORT/ sends (its Host and Origin), to nginx's TLS port. */
    private static Map<String, String> fromTheSitesPage(Nginx nginx) {
        String host = SITE + ":" + nginx.httpsPort();
        return Map.of("Host", host, "Origin", "https://" + host);
    }

    @Test
    void thePerAddressCapCountsEachClientBehindNginxAndItsSpoofedHeadersChangeNothing() throws Exception {
        Map<Setting, String> settings =
                Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1", Setting.MAX_CONNECTIONS_PER_ADDRESS, "1");
        InetAddress two = InetAddress.getByName("127.0.0.2");
        InetAddress three = InetAddress.getByName("127.0.0.3");
        InetAddress four = InetAddress.getByName("127.0.0.4");
        Map<String, String> spoofed = Map.of("X-Forwarded-For", "6.6.6.6");
        try (ChorusServer server = TestServers.start(settings);
                Nginx nginx = inFrontOf(server);
                RawSocket first = RawSocket.upgradeFrom(two, nginx.ws(), Map.of())) {
            assertEquals(Peer.GREETING, first.readFrame().text());

            for (Map<String, String> headers : List.of(Map.<String, String>of(), spoofed, forwardedFor("6.6.6.6"))) {
                RawSocket.Refused refused = assertThrows(
                        RawSocket.Refused.class,
                        () -> RawSocket.upgradeFrom(two, nginx.ws(), headers),
                        () -> "a second connection from 127.0.0.2 sending " + headers);
                assertTrue(refused.head().startsWith("HTTP/1.1 503"), refused::head);
            }
            log.awaitMatching(
                    Pattern.compile(
                            "Refused an upgrade from 127\\.0\\.0\\.2: 503 too many connections from one address"),
                    3);

            try (RawSocket other = RawSocket.upgradeFrom(three, nginx.ws(), spoofed);
                    RawSocket another = RawSocket.upgradeFrom(four, nginx.ws(), spoofed)) {
                assertEquals(Peer.GREETING, other.readFrame().text(), "127.0.0.3 is another client");
                assertEquals(Peer.GREETING, another.readFrame().text(), "and both claimed to be 6.6.6.6, unbelieved");
            }
            assertTrue(
                    log.all().stream().noneMatch(line -> line.contains("6.6.6.6")),
                    () -> "no log line names the spoofed address: " + log.all());
        }
    }

    /** An RFC 7239 header as a client could write it itself: nginx must not pass it on. */
    private static Map<String, String> forwardedFor(String address) {
        return Map.of("Forwarded", "for=" + address);
    }

    @Test
    void thePageServedByNginxOverHttpsJoinsTheChatInChromium() throws Exception {
        List<String> flags = List.of(
                "--ignore-certificate-errors-spki-list=" + identity.spkiSha256(),
                "--host-resolver-rules=MAP " + SITE + " 127.0.0.1");
        try (ChorusServer server = TestServers.start(BEHIND_NGINX);
                Nginx nginx = inFrontOf(server);
                Browser browser = Browser.start(Browser.DESKTOP, flags)) {
            URI site = URI.create("https://" + SITE + ":" + nginx.httpsPort() + "/");
            ChatPage page = browser.open(site);
            page.awaitState("Connected");
            assertEquals("wss://" + SITE + ":" + nginx.httpsPort() + "/", page.socketUrl());
            page.awaitLines("its own join", lines -> lines.equals(List.of(ChatPage.youJoined(1))));

            try (Peer peer = plainPeer(nginx.ws())) {
                page.say("from the page behind nginx");
                peer.expect("Client(1) said: from the page behind nginx");
            }
        }
    }
}
