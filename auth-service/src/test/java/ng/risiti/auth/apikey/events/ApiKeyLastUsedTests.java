package ng.risiti.auth.apikey.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.apikey.events.ApiKeyUsageConsumer;
import ng.risiti.platform.events.Topics;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.ScrapedMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code last_used_at} without a database write per request: uses are counted in memory, published per flush
 * window (1 s in the test profile) to risiti.api-usage.v1, and applied with one UPDATE per poll.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class ApiKeyLastUsedTests {

    private static final int USES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApiKeyUsageConsumer consumer;

    @Test
    void manyUsesBecomeOneLastUsedAtAndFewUpdates() throws Exception {
        TestAccounts.Account owner = TestAccounts.register();
        Map<String, Object> created = TestAccounts.createKey(owner, List.of("invoices:read"));
        String key = (String) created.get("key");
        String id = (String) created.get("id");

        try (KafkaTopicReader usage = KafkaTopicReader.fromEnd(Topics.API_USAGE)) {
            long statementsBefore = consumer.statements();
            long started = System.nanoTime();
            Instant firstUse = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < USES; i++) {
                given().header("x-api-key", key).when().get("/api/v1/auth/me").then().statusCode(200);
            }
            Instant lastUse = Instant.now();

            // every use is counted exactly once across however many windows the loop spanned
            Predicate<List<ConsumerRecord<String, String>>> allCounted = records -> countOf(records, id) == USES;
            List<ConsumerRecord<String, String>> records = usage.readUntil(allCounted, Duration.ofSeconds(15));
            List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
            for (ConsumerRecord<String, String> record : mine) {
                assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("api_key.used");
                assertThat(KafkaTopicReader.header(record, "ce_tenantid")).isEqualTo(owner.tenantId());
                assertThat(KafkaTopicReader.header(record, "ce_source")).isEqualTo("/risiti/auth-service");
                JsonNode data = JSON.readTree(record.value());
                assertThat(data.get("key_id").asText()).isEqualTo(id);
                assertThat(data.get("tenant_id").asText()).isEqualTo(owner.tenantId());
                assertThat(data.get("service").asText()).isEqualTo("auth-service");
                assertThat(Instant.parse(data.get("window_start").asText())).isBefore(Instant.parse(data.get("window_end").asText()));
                assertThat(data.get("count").asLong()).isPositive();
            }

            String lastUsedAt = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> given().auth().oauth2(owner.accessToken()).when().get("/api/v1/api-keys")
                            .then().statusCode(200).body("data[0].id", notNullValue())
                            .extract().<String>path("data.find { it.id == '" + id + "' }.last_used_at"), value -> value != null);
            assertThat(Instant.parse(lastUsedAt)).isBetween(firstUse, lastUse.plusMillis(1));

            // the database saw one UPDATE per poll of usage, i.e. at most about one per flush window, never one per use
            double seconds = (System.nanoTime() - started) / 1e9;
            long windows = (long) Math.ceil(seconds / 1.0) + 1;
            long statements = consumer.statements() - statementsBefore;
            assertThat(statements).as("UPDATEs for %d uses over %.1f s of 1 s windows", USES, seconds)
                    .isPositive()
                    .isLessThanOrEqualTo(windows)
                    .isLessThan(USES);
            assertThat((long) mine.size()).as("one usage record per window the key was used in").isLessThanOrEqualTo(windows);
        }
    }

    private static long countOf(List<ConsumerRecord<String, String>> records, String keyId) {
        return records.stream().filter(r -> keyId.equals(r.key())).mapToLong(r -> {
            try {
                return JSON.readTree(r.value()).get("count").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sum();
    }

    /** Prometheus sees this service's routes by template (never a key's id), its outbox and its api-usage consumer. */
    @Test
    void metricsNameTheRouteTemplateTheOutboxAndTheConsumerNeverAKeysId() {
        TestAccounts.Account owner = TestAccounts.register();
        String id = (String) TestAccounts.createKey(owner, List.of("invoices:read")).get("id");
        given().auth().oauth2(owner.accessToken()).delete("/api/v1/api-keys/" + id).then().statusCode(200);

        ScrapedMetrics metrics = ScrapedMetrics.awaitPlatformSeries("DELETE", "/api/v1/api-keys/{id}", "api-usage");
        assertThat(metrics.text()).doesNotContain(id);
    }
}
