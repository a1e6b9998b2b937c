package ng.risiti.platform.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.ScrapedMetrics;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from every service at /q/metrics (the platform's share of it). */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class MetricsTests {

    @Test
    void requestsAreCountedByRouteTemplateNeverByTheIdInThePath() {
        String id = UUID.randomUUID().toString();
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).post("/internal/outbox/" + id + "/retry")
                .then().statusCode(404);

        // counted when the response has ended, which may be just after the client read it
        ScrapedMetrics metrics = await().atMost(Duration.ofSeconds(10)).until(ScrapedMetrics::scrape,
                scraped -> scraped.value("http_server_requests_seconds_count", "uri", "/internal/outbox/{id}/retry", "status", "404") >= 1);
        assertThat(metrics.text()).doesNotContain(id);
    }

    @Test
    void theOutboxAndTheConsumersReportTheirBacklogLagAndDeadLetters() {
        double published = ScrapedMetrics.scrape().value("risiti_outbox_published_total");
        Tenant.create().live().body("{\"text\":\"measured\"}").post("/api/v1/notes").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> ScrapedMetrics.scrape().value("risiti_outbox_published_total") > published);
        ScrapedMetrics.awaitPlatformSeries("POST", "/api/v1/notes", "notes");
    }
}
