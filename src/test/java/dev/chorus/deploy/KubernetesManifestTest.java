package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Http;
import dev.chorus.testing.TestServers;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code deploy/kubernetes/chorus.yaml} as shipped: its probes ask a real launcher for paths it serves, on the
 * port it listens on, and the pod is given long enough to stop.
 */
class KubernetesManifestTest {

    private static final Path MANIFEST = Path.of("deploy", "kubernetes", "chorus.yaml");

    private static Map<String, Object> deployment;
    private static Map<String, Object> service;

    @BeforeAll
    static void read() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(MANIFEST)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                documents.add(map(document));
            }
        }
        deployment = kind(documents, "Deployment");
        service = kind(documents, "Service");
    }

    @Test
    void theProbesAskForChorussOwnHealthPathsOnTheInternalPort() throws Exception {
        Map<String, Object> container = container();
        assertEquals("/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/health/live", at(container, "startupProbe", "httpGet", "path"));
        assertEquals(
                "/health/ready",
                at(container, "readinessProbe", "httpGet", "path"),
                "readiness, not liveness, follows maintenance and draining: a pod in maintenance must not be killed");

        Map<String, String> env = env(container);
        Map<String, Object> internal = map(list(container.get("ports")).get(1));
        assertEquals(
                env.get(Setting.INTERNAL_PORT.environmentVariable()), String.valueOf(internal.get("containerPort")));
        assertEquals(
                "0.0.0.0", env.get(Setting.INTERNAL_HOST.environmentVariable()), "the kubelet asks the pod's address");
        try (ChorusServer server = TestServers.start(Map.of(Setting.INTERNAL_PORT, "0"))) {
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertEquals(internal.get("name"), at(container, probe, "httpGet", "port"), probe);
                String path = (String) at(container, probe, "httpGet", "path");
                URI there = server.internalUri().orElseThrow().resolve(path);
                assertEquals(200, status(there), () -> probe + " " + path);
                assertEquals(404, status(server.pageUri().resolve(path)), () -> probe + " not on the chat port");
            }
        }
    }

    @Test
    void chorusListensOnAllOfThePodsAddressesOnTheDeclaredPortAndTheServiceForwardsToIt() {
        Map<String, String> env = env(container());
        assertEquals("0.0.0.0", env.get(Setting.HOST.environmentVariable()));
        Map<String, Object> port = map(list(container().get("ports")).get(0));
        assertEquals(env.get(Setting.PORT.environmentVariable()), String.valueOf(port.get("containerPort")));

        Map<String, Object> servicePort = map(list(at(service, "spec", "ports")).get(0));
        assertEquals(chatPortName(), servicePort.get("targetPort"));
        assertEquals(at(deployment, "spec", "selector", "matchLabels"), at(service, "spec", "selector"));
        assertEquals(
                at(deployment, "spec", "selector", "matchLabels"),
                at(deployment, "spec", "template", "metadata", "labels"));
    }

    @Test
    void thePodIsGivenLongEnoughToPauseDrainAndClose() {
        Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
        Duration grace = Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue());
        Duration pause =
                Duration.ofSeconds(((Number) at(container(), "lifecycle", "preStop", "sleep", "seconds")).longValue());

        assertTrue(
                grace.compareTo(pause.plus(StopBudget.longest())) >= 0,
                () -> "terminationGracePeriodSeconds " + grace + " < preStop " + pause + " + drain "
                        + StopBudget.drain() + " + close grace " + StopBudget.closeGrace());
    }

    @Test
    void itRunsAsNonRootWithResourcesSet() {
        assertEquals(true, at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
        assertEquals(false, at(container(), "securityContext", "allowPrivilegeEscalation"));
        for (String bound : List.of("requests", "limits")) {
            assertNotNull(at(container(), "resources", bound, "cpu"), bound);
            assertNotNull(at(container(), "resources", bound, "memory"), bound);
        }
    }

    private static Map<String, Object> container() {
        return map(
                list(at(deployment, "spec", "template", "spec", "containers")).get(0));
    }

    private static String chatPortName() {
        return (String) map(list(container().get("ports")).get(0)).get("name");
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            env.put((String) map(variable).get("name"), (String) map(variable).get("value"));
        }
        return env;
    }

    /** As the kubelet asks: a plain HTTP/1.1 GET. */
    private static int status(URI uri) throws IOException, InterruptedException {
        return Http.get(uri).statusCode();
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
    }

    /** The value at {@code keys} below {@code node}; a missing key fails naming the path. */
    private static Object at(Map<String, Object> node, String... keys) {
        Object value = node;
        for (String key : keys) {
            value = map(value).get(key);
            assertNotNull(value, () -> "no " + String.join(".", keys) + " in " + MANIFEST);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, () -> "expected a mapping, found " + node);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        assertTrue(node instanceof List, () -> "expected a sequence, found " + node);
        return (List<?>) node;
    }
}
