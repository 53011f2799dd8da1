package dev.chorus.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/nginx/chorus.conf} as the test runs it: the shipped text with exactly these substitutions, and
 * nothing else changed: {@code listen 80} and {@code listen 443 ssl} move to 127.0.0.1 on the test's ports, the
 * {@code [::]} listens are dropped (loopback IPv4 only), the upstream server becomes the test's launcher, and the
 * certificate and key become the test's. Each substitution must match something, so that when the file changes
 * in a way this test does not know, the test fails saying which one rather than quietly testing something else.
 * The snippet {@code chorus-proxy.conf} is used unchanged: the site includes it by a path relative to nginx's
 * configuration directory, which is {@code /etc/nginx} when installed and the test's directory here.
 */
final class NginxSite {

    static final Path DEPLOY = Path.of("deploy", "nginx");
    static final Path SITE = DEPLOY.resolve("chorus.conf");
    static final Path SNIPPET = DEPLOY.resolve("chorus-proxy.conf");
    /** Where the site includes the snippet from, relative to nginx's configuration directory. */
    static final Path SNIPPET_INCLUDED_AS = Path.of("snippets", "chorus-proxy.conf");

    private NginxSite() {}

    /** One textual change to the shipped site file, which must apply at least once. */
    private record Substitution(String what, Pattern pattern, String replacement) {
        String applyTo(String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new IllegalStateException(SITE + " no longer has " + what + " (pattern " + pattern
                        + "): change the test's substitutions together with the file");
            }
            return matcher.replaceAll(replacement);
        }
    }

    /** The shipped site with the test's ports, upstream and certificate. */
    static String adapted(int httpPort, int httpsPort, int upstreamPort, Path cert, Path key) throws IOException {
        return adapted(Files.readString(SITE), httpPort, httpsPort, upstreamPort, cert, key);
    }

    /** {@code site}, a site file's text, with the test's ports, upstream and certificate. */
    static String adapted(String site, int httpPort, int httpsPort, int upstreamPort, Path cert, Path key) {
        List<Substitution> substitutions = List.of(
                new Substitution(
                        "a plain listen on port 80", line("listen\\s+80;"), "$1listen 127.0.0.1:" + httpPort + ";"),
                new Substitution(
                        "a TLS listen on port 443",
                        line("listen\\s+443\\s+ssl;"),
                        "$1listen 127.0.0.1:" + httpsPort + " ssl;"),
                new Substitution("IPv6 listens on [::]", Pattern.compile("(?m)^[ \\t]*listen\\s+\\[::\\]:.*\\R"), ""),
                new Substitution(
                        "the upstream server 127.0.0.1:9001",
                        line("server\\s+127\\.0\\.0\\.1:9001;"),
                        "$1server 127.0.0.1:" + upstreamPort + ";"),
                new Substitution(
                        "an ssl_certificate",
                        line("ssl_certificate\\s+\\S+;"),
                        "$1ssl_certificate " + quoted(cert) + ";"),
                new Substitution(
                        "an ssl_certificate_key",
                        line("ssl_certificate_key\\s+\\S+;"),
                        "$1ssl_certificate_key " + quoted(key) + ";"));
        String text = site;
        for (Substitution substitution : substitutions) {
            text = substitution.applyTo(text);
        }
        return text;
    }

    /** A whole directive on a line of its own, its indentation kept as group 1. */
    private static Pattern line(String directive) {
        return Pattern.compile("(?m)^([ \\t]*)" + directive + "[ \\t]*$");
    }

    private static String quoted(Path path) {
        return Matcher.quoteReplacement(path.toAbsolutePath().toString());
    }
}
