package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm chart (deploy/helm/risiti), checked with the real Helm library (helm-java): it lints strictly and renders
 * for the small and the production profile, and what it renders is what we promise: every service with its probes,
 * limits, non-root read-only containers and secrets from existing Secrets, the Ingress carrying exactly the local
 * gateway's routing table, and a KafkaTopic for every topic of docs/asyncapi.yaml with its compaction.
 */
class HelmChartTests {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path CHART = ROOT.resolve("deploy/helm/risiti");
    private static final Path PRODUCTION = CHART.resolve("values-production.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path temp;

    @Test
    void theChartLintsStrictlyWithTheSmallAndTheProductionValues() throws IOException {
        LintResult small = new Helm(CHART).lint().strict().call();
        assertThat(small.isFailed()).as(String.join("\n", small.getMessages())).isFalse();

        // helm lint takes no values file here: lint a copy whose values.yaml is the production overlay merged in
        Path copy = copyOfChart();
        JsonNode merged = merge(YAML.readTree(CHART.resolve("values.yaml").toFile()), YAML.readTree(PRODUCTION.toFile()));
        YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        LintResult production = new Helm(copy).lint().strict().call();
        assertThat(production.isFailed()).as(String.join("\n", production.getMessages())).isFalse();
    }

    @Test
    void everyServiceRunsNonRootReadOnlyWithProbesLimitsAndItsSecretFromAnExistingSecret() {
        for (List<JsonNode> manifests : List.of(render(false), render(true))) {
            for (Stack.Service service : Stack.SERVICES) {
                String name = "risiti-" + service.name();
                JsonNode deployment = one(manifests, "Deployment", name);
                JsonNode pod = deployment.at("/spec/template/spec");
                assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
                assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).isFalse();
                assertThat(pod.at("/topologySpreadConstraints")).hasSize(2);
                JsonNode container = pod.at("/containers/0");
                assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
                assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
                assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
                assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
                assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(service.port());
                Map<String, String> env = env(container);
                assertThat(env).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
                assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/" + service.database());
                assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).endsWith("/" + service.database());
                assertThat(container.at("/envFrom").findValuesAsText("name")).contains("risiti-" + service.name(), "risiti-shared");
                // no secret is ever a literal in the manifests: they come from the Secret
                assertThat(env.keySet()).noneMatch(key -> key.matches(".*(SECRET|PASSWORD|TOKEN|ENCRYPTION_KEY|API_KEY).*"));
                assertThat(one(manifests, "Service", name).at("/spec/ports/0/port").asInt()).isEqualTo(service.port());
                assertThat(one(manifests, "PodDisruptionBudget", name).at("/spec/maxUnavailable").asInt()).isEqualTo(1);
                assertThat(one(manifests, "NetworkPolicy", name).at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
            }
        }
    }

    @Test
    void theIngressCarriesExactlyTheLocalGatewaysRoutingTableAndNothingInternal() {
        for (List<JsonNode> manifests : List.of(render(false), render(true))) {
            JsonNode ingress = one(manifests, "Ingress", "risiti-api");
            Map<String, String> routes = new HashMap<>();
            for (JsonNode path : ingress.at("/spec/rules/0/http/paths")) {
                assertThat(path.at("/pathType").asText()).isEqualTo("Prefix");
                String service = path.at("/backend/service/name").asText().substring("risiti-".length());
                int port = Stack.SERVICES.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().port();
                assertThat(path.at("/backend/service/port/number").asInt()).as(path.toString()).isEqualTo(port);
                routes.put(path.at("/path").asText(), service);
            }
            assertThat(routes).isEqualTo(Routes.table());
            assertThat(routes.keySet()).noneMatch(prefix -> prefix.startsWith("/internal") || prefix.startsWith("/q"));
        }
    }

    @Test
    void theSmallProfileRunsOneReplicaEachAndProductionAutoscalesBehindTls() {
        List<JsonNode> small = render(false);
        assertThat(of(small, "Deployment")).allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1));
        assertThat(of(small, "HorizontalPodAutoscaler")).isEmpty();
        assertThat(of(small, "KafkaTopic")).isEmpty();
        assertThat(one(small, "Ingress", "risiti-api").at("/spec/tls").isMissingNode()).isTrue();

        List<JsonNode> production = render(true);
        assertThat(of(production, "HorizontalPodAutoscaler")).hasSize(Stack.SERVICES.size())
                .allSatisfy(hpa -> assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3));
        // the autoscaler owns the replica count
        assertThat(of(production, "Deployment")).allSatisfy(d -> assertThat(d.at("/spec/replicas").isMissingNode()).isTrue());
        JsonNode ingress = one(production, "Ingress", "risiti-api");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("api.risiti.ng");
        JsonNode shared = one(production, "ConfigMap", "risiti-shared");
        assertThat(shared.at("/data/QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText()).startsWith("http");
        assertThat(shared.at("/data/RISITI_INVOICE_DOCUMENTS_PUBLIC_URL").asText()).isEqualTo("https://api.risiti.ng");
        assertThat(shared.at("/data/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("risiti-kafka-bootstrap:9092");
        assertThat(one(production, "Cluster", "risiti-postgres").at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(of(production, "Database").stream().map(d -> d.at("/spec/name").asText()))
                .containsExactlyInAnyOrderElementsOf(Stack.SERVICES.stream().map(Stack.Service::database).toList());
        assertThat(env(one(production, "Deployment", "risiti-invoice-service").at("/spec/template/spec/containers/0"))
                .get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:postgresql://risiti-postgres-rw:5432/risiti_invoice");
    }

    @Test
    void everyTopicOfTheEventCatalogueHasAKafkaTopicWithItsCompaction() throws IOException {
        JsonNode catalogue = YAML.readTree(ROOT.resolve("docs/asyncapi.yaml").toFile());
        Map<String, JsonNode> topics = of(render(true), "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.at("/spec/topicName").asText(), t -> t));
        assertThat(catalogue.path("channels")).isNotEmpty();
        for (JsonNode channel : catalogue.path("channels")) {
            String address = channel.path("address").asText();
            assertThat(topics).as("KafkaTopic for " + address).containsKey(address);
            JsonNode topic = topics.get(address);
            boolean compacted = channel.path("description").asText().startsWith("Compacted");
            assertThat(topic.at("/spec/config/cleanup.policy").asText().contains("compact")).as(address).isEqualTo(compacted);
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asText()).isEqualTo("2");
        }
        assertThat(topics.get("risiti.sessions.v1").at("/spec/config/retention.ms").asText()).isEqualTo("86400000");
    }

    @Test
    void theValuesHoldNoSecretsOnlyTheNamesOfExistingSecrets() throws IOException {
        for (Path values : List.of(CHART.resolve("values.yaml"), PRODUCTION)) {
            List<String> leaks = new ArrayList<>();
            walk(YAML.readTree(values.toFile()), "", (path, value) -> {
                String key = path.substring(path.lastIndexOf('.') + 1);
                // route keys are paths (/api/v1/api-keys), their values service names
                if (!path.startsWith(".routes.") && key.matches("(?i).*(password|secret|token|apikey|api-key|privatekey).*")
                        && !key.equals("existingSecret")
                        && !key.equals("secretName") && !value.isBlank()) {
                    leaks.add(path + "=" + value);
                }
            });
            assertThat(leaks).as(values.toString()).isEmpty();
        }
    }

    @Test
    void productionScrapesEveryServiceAndAlertsOnOutboxAgeConsumerLagDeadLettersAndNrsFailures() {
        List<JsonNode> small = render(false);
        assertThat(of(small, "ServiceMonitor")).isEmpty();
        assertThat(of(small, "PrometheusRule")).isEmpty();
        assertThat(one(small, "ConfigMap", "risiti-shared").at("/data/QUARKUS_OTEL_SDK_DISABLED").isMissingNode()).isTrue();

        List<JsonNode> production = render(true);
        assertThat(one(production, "ConfigMap", "risiti-shared").at("/data/QUARKUS_OTEL_SDK_DISABLED").asText()).isEqualTo("false");
        JsonNode monitor = one(production, "ServiceMonitor", "risiti-services");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        String port = monitor.at("/spec/endpoints/0/port").asText();
        Map<String, String> selector = YAML.convertValue(monitor.at("/spec/selector/matchLabels"), Map.class);
        // the monitor's selector and port find every service's Service
        assertThat(of(production, "Service")).hasSize(Stack.SERVICES.size()).allSatisfy(service -> {
            Map<String, String> labels = YAML.convertValue(service.at("/metadata/labels"), Map.class);
            assertThat(labels).containsAllEntriesOf(selector);
            assertThat(service.at("/spec/ports").findValuesAsText("name")).contains(port);
        });

        JsonNode rules = one(production, "PrometheusRule", "risiti-alerts").at("/spec/groups/0/rules");
        Map<String, String> alerts = new HashMap<>();
        rules.forEach(rule -> alerts.put(rule.path("alert").asText(), rule.path("expr").asText()));
        assertThat(alerts).containsKeys("RisitiOutboxEventsWaiting", "RisitiConsumerLag", "RisitiDeadLetters", "RisitiNrsFailureRate");
        assertThat(alerts.get("RisitiOutboxEventsWaiting")).contains("risiti_outbox_oldest_pending_seconds").endsWith("> 300");
        assertThat(alerts.get("RisitiNrsFailureRate")).contains("outcome=\"failed\"").endsWith("> 0.2");
        alerts.forEach((alert, expr) -> assertThat(balanced(expr)).as(alert + ": " + expr).isTrue());
        rules.forEach(rule -> assertThat(rule.at("/annotations/summary").asText()).as(rule.path("alert").asText()).contains("{{ $"));
    }

    @Test
    void theDashboardAndTheAlertsReadOnlyMetricsTheServicesExport() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/risiti-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>(dashboard.findValuesAsText("expr"));
        assertThat(expressions).hasSizeGreaterThan(10);
        one(render(true), "PrometheusRule", "risiti-alerts").at("/spec/groups/0/rules").forEach(rule -> expressions.add(rule.path("expr").asText()));

        String documented = Files.readString(ROOT.resolve("docs/observability.md"));
        Set<String> read = expressions.stream().flatMap(expr -> java.util.regex.Pattern.compile("\\b(risiti_[a-z_]+|http_server_[a-z_]+)")
                .matcher(expr).results().map(match -> match.group(1).replaceFirst("_(bucket|count|sum|max)$", ""))).collect(Collectors.toSet());
        assertThat(read).contains("risiti_outbox_oldest_pending_seconds", "risiti_consumer_lag", "risiti_consumer_dead_letters_total",
                "risiti_nrs_calls_seconds", "risiti_webhook_deliveries_seconds", "risiti_credits_charged_kobo_total",
                "risiti_rate_limit_rejections_total", "http_server_requests_seconds");
        assertThat(read).allSatisfy(metric -> assertThat(documented).as("docs/observability.md names " + metric).contains("`" + metric + "`"));
        expressions.forEach(expr -> assertThat(balanced(expr)).as(expr).isTrue());
    }

    /** Brackets of a PromQL expression pair up (a template that lost a brace renders an expression Prometheus refuses). */
    private static boolean balanced(String expr) {
        java.util.Deque<Character> open = new java.util.ArrayDeque<>();
        for (char c : expr.toCharArray()) {
            switch (c) {
                case '(', '{', '[' -> open.push(c);
                case ')', '}', ']' -> {
                    if (open.isEmpty() || "({[".indexOf(open.pop()) != ")}]".indexOf(c)) {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return open.isEmpty() && !expr.isBlank();
    }

    private List<JsonNode> render(boolean production) {
        var template = new Helm(CHART).template().withName("risiti").withNamespace("risiti");
        if (production) {
            template = template.withValuesFile(PRODUCTION);
        }
        String rendered = template.call();
        try {
            // kept for a human to read: target/helm/{small,production}.yaml
            Path out = Path.of("target/helm", (production ? "production" : "small") + ".yaml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a key twice in one mapping (say, a label) is refused by the API server: refuse it here too
        try (var parser = new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).createParser(rendered)) {
            List<JsonNode> manifests = new ArrayList<>();
            Iterator<JsonNode> documents = new ObjectMapper().readValues(parser, JsonNode.class);
            documents.forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    manifests.add(document);
                }
            });
            return manifests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> of(List<JsonNode> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    private static JsonNode one(List<JsonNode> manifests, String kind, String name) {
        List<JsonNode> found = of(manifests, kind).stream().filter(m -> name.equals(m.at("/metadata/name").asText())).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.getFirst();
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    private static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (!(base instanceof ObjectNode target) || !overlay.isObject()) {
            return overlay;
        }
        overlay.properties().forEach(e -> target.set(e.getKey(), target.has(e.getKey()) ? merge(target.get(e.getKey()), e.getValue()) : e.getValue()));
        return target;
    }

    private interface Leaf {
        void accept(String path, String value);
    }

    private static void walk(JsonNode node, String path, Leaf leaf) {
        if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey(), leaf));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", leaf);
            }
        } else {
            leaf.accept(path, node.asText());
        }
    }

    private Path copyOfChart() throws IOException {
        Path copy = temp.resolve("risiti");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }
}
