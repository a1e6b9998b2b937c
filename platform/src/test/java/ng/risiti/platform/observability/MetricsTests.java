package ng.risiti.platform.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from every service at /q/metrics (the platform's share of it). */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class MetricsTests {

    @Test
    void requestsAreCountedByRouteTemplateNeverByTheIdInThePath() throws Exception {
        String id = UUID.randomUUID().toString();
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).post("/internal/outbox/" + id + "/retry")
                .then().statusCode(404);

        String metrics = scrape();
        assertThat(metrics).contains("uri=\"/internal/outbox/{id}/retry\"").doesNotContain(id);
    }

    @Test
    void theOutboxAndTheConsumersReportTheirBacklogLagAndDeadLetters() throws Exception {
        Tenant.create().live().body("{\"text\":\"measured\"}").post("/api/v1/notes").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scrape())
                .containsPattern("(?m)^risiti_outbox_published_total(\\{[^}]*\\})? [1-9]")
                .containsPattern("(?m)^risiti_outbox_pending(\\{[^}]*\\})? ")
                .containsPattern("(?m)^risiti_outbox_oldest_pending_seconds(\\{[^}]*\\})? ")
                .containsPattern("(?m)^risiti_consumer_lag\\{[^}]*channel=\"notes\"[^}]*\\} ")
                .containsPattern("(?m)^risiti_consumer_dead_letters_total\\{[^}]*channel=\"notes\"[^}]*\\} "));
    }

    private static String scrape() throws Exception {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/metrics-sample.txt"), metrics);
        return metrics;
    }
}
