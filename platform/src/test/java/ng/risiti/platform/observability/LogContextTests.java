package ng.risiti.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.common.utils.LogContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A log line written while serving a request, in the JSON format production logs use: it names the request, the caller's
 * tenant and the trace, so one search finds everything about one failing call.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class LogContextTests {

    private static final Path LOG = Path.of("target/platform-test.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLineLoggedWhileServingARequestNamesTheRequestTheTenantAndTheTrace() {
        Tenant tenant = Tenant.create();
        String requestId = tenant.live().body("{\"text\":\"crash\",\"fail_after_write\":true}").post("/api/v1/notes").then()
                .statusCode(500).extract().header("X-Request-Id");

        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> lineOf(requestId), Optional::isPresent).get();

        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("message").asText()).contains("POST /api/v1/notes");
        assertThat(line.path("tenant_id").asText()).isEqualTo(tenant.id().toString());
        assertThat(line.path("traceId").asText()).matches("[0-9a-f]{32}");
        // the key that authenticated the call is never part of the line
        assertThat(line.toString()).doesNotContain(tenant.liveKey());
    }

    @Test
    void aKafkaClientRetryingAnAbsentBrokerIsLoggedOnceNotAtEveryAttempt() throws Exception {
        // the very logger and prefix a Kafka client reconnecting to a broker that is away logs with
        String client = "[Consumer clientId=repeats-" + UUID.randomUUID() + ", groupId=g] ";
        Logger network = new LogContext(client).logger(NetworkClient.class);
        for (int attempt = 0; attempt < 5; attempt++) {
            network.warn("Connection to node {} ({}) could not be established. Node may not be available.", -1, "/127.0.0.1:9");
        }
        String after = "after-" + UUID.randomUUID();
        LoggerFactory.getLogger(LogContextTests.class).warn(after);

        await().atMost(Duration.ofSeconds(10)).until(() -> linesContaining(after) == 1);
        assertThat(linesContaining(client)).isEqualTo(1);
    }

    @Test
    void startingLogsNoWarningAboutWhatWeChoseOnPurpose() throws Exception {
        // the start is over once a request is served: its lines are in the file
        Tenant.create();

        assertThat(linesContaining("SRMSG18235")).isZero();
        assertThat(linesContaining("outOfOrder mode is active")).isZero();
        assertThat(linesContaining("This Gauge has been already registered")).isZero();
        assertThat(linesContaining("\"level\":\"INFO\"")).as("the file does have the start's lines").isPositive();
    }

    private static long linesContaining(String text) throws Exception {
        return Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).count();
    }

    private static Optional<JsonNode> lineOf(String requestId) throws Exception {
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        for (String text : lines) {
            JsonNode line = JSON.readTree(text);
            if (requestId.equals(line.path("request_id").asText()) && "ERROR".equals(line.path("level").asText())) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
