package dev.chorus.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test's copy of the shipped nginx site differs from it exactly where {@link NginxSite} says. */
class NginxSiteTest {

    private static final Path CERT = Path.of("/tmp/test-cert.pem");
    private static final Path KEY = Path.of("/tmp/test-key.pem");

    @Test
    void theShippedSiteMovesToLoopbackPortsTheTestsUpstreamAndItsCertificate() throws Exception {
        String adapted = NginxSite.adapted(8080, 8443, 9999, CERT, KEY);

        assertTrue(adapted.contains("    listen 127.0.0.1:8080;\n"), adapted);
        assertTrue(adapted.contains("    listen 127.0.0.1:8443 ssl;\n"), adapted);
        assertFalse(adapted.contains("listen [::]"), adapted);
        assertTrue(adapted.contains("    server 127.0.0.1:9999;\n"), adapted);
        assertTrue(adapted.contains("    ssl_certificate " + CERT + ";\n"), adapted);
        assertTrue(adapted.contains("    ssl_certificate_key " + KEY + ";\n"), adapted);
        String shipped = Files.readString(NginxSite.SITE);
        assertTrue(shipped.contains("include " + NginxSite.SNIPPET_INCLUDED_AS + ";"), "the test puts it there");
        assertTrue(adapted.contains("include " + NginxSite.SNIPPET_INCLUDED_AS + ";"), adapted);
    }

    @Test
    void aSiteWithoutOneOfTheSubstitutedDirectivesFailsTheTestNamingIt() throws Exception {
        String withoutTls = Files.readString(NginxSite.SITE).replace("listen 443 ssl;", "listen 443 ssl http2;");

        IllegalStateException failure = assertThrows(
                IllegalStateException.class, () -> NginxSite.adapted(withoutTls, 8080, 8443, 9999, CERT, KEY));

        assertTrue(failure.getMessage().contains("a TLS listen on port 443"), failure::getMessage);
    }
}
