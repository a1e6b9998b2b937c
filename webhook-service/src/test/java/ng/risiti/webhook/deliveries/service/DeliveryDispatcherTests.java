package ng.risiti.webhook.deliveries.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import ng.risiti.testsupport.TestMailbox;
import ng.risiti.webhook.Events;
import ng.risiti.webhook.WebhookFixtures.Endpoint;
import ng.risiti.webhook.WebhookFixtures;
import ng.risiti.webhook.WebhookReceiver.Received;
import ng.risiti.webhook.deliveries.domain.ClaimedDelivery;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher under the failures a replicated service meets: several dispatchers at once, one that dies holding a
 * delivery (kill -9 mid-retry: all it leaves is its claim in PostgreSQL), and an endpoint failing for days.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "webhook"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(GreenMailResource.class)
class DeliveryDispatcherTests {

    @Inject
    DeliveryDispatcher dispatcher;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    Scheduler scheduler;

    final WebhookFixtures tenant = new WebhookFixtures();

    private JsonPath log(Endpoint endpoint) {
        return tenant.owner().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries?limit=100").then().statusCode(200).extract().jsonPath();
    }

    private void publishSent(UUID tenantId) {
        UUID invoice = UUID.randomUUID();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", tenantId,
                Events.invoice(tenantId, invoice, "sent", "376250.00", 37625000));
    }

    @Test
    void dispatchersRacingForTheSameDeliveriesSendEachExactlyOnce() throws Exception {
        Endpoint endpoint = tenant.endpoint("invoice.sent");
        tenant.receiver.on(endpoint.path()).delay(200);
        int events = 24;
        AtomicBoolean racing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> racers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                racers.add(pool.submit(() -> {
                    while (racing.get()) {
                        dispatcher.dispatch().await().atMost(Duration.ofSeconds(10));
                    }
                    return null;
                }));
            }
            for (int i = 0; i < events; i++) {
                publishSent(tenant.tenantId);
            }
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                    .until(() -> log(endpoint).getList("data.status").stream().filter("succeeded"::equals).count() == events);
        } finally {
            racing.set(false);
            for (Future<?> racer : racers) {
                racer.get();
            }
            pool.shutdownNow();
        }
        List<Received> received = tenant.receiver.at(endpoint.path());
        assertThat(received).hasSize(events);
        assertThat(received.stream().map(request -> request.header("webhook-id")).distinct()).hasSize(events);
        assertThat(log(endpoint).getList("data.attempt_count", Integer.class)).containsOnly(1);
        // the per-endpoint bound held across the racing dispatchers of this replica
        assertThat(tenant.receiver.on(endpoint.path()).maxInFlight()).isLessThanOrEqualTo(4);
    }

    @Test
    void aDeliveryWhoseDispatcherDiedMidRetryIsSentOnceItsLeasePassesAndNothingIsLost() {
        Endpoint endpoint = tenant.endpoint("invoice.sent");
        tenant.receiver.on(endpoint.path()).answer(500, 200);
        scheduler.pause(DeliveryDispatcher.JOB);
        ClaimedDelivery abandoned;
        try {
            publishSent(tenant.tenantId);
            String delivery = await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonPath log = log(endpoint);
                return log.getList("data").size() == 1 && log.getList("data[0].attempts").size() == 1 ? log.getString("data[0].id") : null;
            }, id -> id != null);
            // another replica claims the retry once it is due, and dies (kill -9) before it sends or records anything
            List<ClaimedDelivery> claimed = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                deliveries.claim(now, now.plusSeconds(3), 4, 100).await().atMost(Duration.ofSeconds(5)).stream()
                        .filter(one -> one.id().toString().equals(delivery)).forEach(claimed::add);
                return !claimed.isEmpty();
            });
            abandoned = claimed.getFirst();
        } finally {
            scheduler.resume(DeliveryDispatcher.JOB);
        }
        assertThat(abandoned.attempts()).isEqualTo(2);
        // while its claim holds, no other dispatcher sends it
        await().during(Duration.ofMillis(2_000)).atMost(Duration.ofMillis(2_800)).until(() -> tenant.receiver.at(endpoint.path()).size() == 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(log(endpoint).getString("data[0].status")));
        JsonPath done = log(endpoint);
        assertThat(done.getList("data[0].attempts.attempt", Integer.class)).containsExactly(1, 3);
        assertThat(done.getList("data[0].attempts.status_code", Integer.class)).containsExactly(500, 200);
        assertThat(tenant.receiver.at(endpoint.path())).hasSize(2);
    }

    @Test
    void anEndpointFailingForThreeDaysIsPausedItsWaitingRetriesSkippedAndTheOwnerMailed() {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@adeyemi.ng";
        // the owner as auth-service announces them at registration
        Events.publish("risiti.tenants.v1", tenant.tenantId.toString(), "user.created", tenant.tenantId, """
                {"tenant_id":"%s","name":"Adeyemi & Sons Trading Ltd","tin":"12345678-0001","business_type":"limited_company",
                 "plan_slug":"free","created_at":"2025-03-24T08:00:00Z","contact_email":"billing@adeyemi.ng",
                 "member":{"id":"%s","email":"%s","first_name":"Tunde","last_name":"Adeyemi","role":"owner",
                 "created_at":"2025-03-24T08:00:00Z"}}""".formatted(tenant.tenantId, UUID.randomUUID(), owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> WebhookFixtures.count(
                "select count(*) from tenant_contacts where tenant_id = ?", tenant.tenantId) == 1);
        Endpoint endpoint = tenant.endpoint("invoice.sent");
        tenant.receiver.on(endpoint.path()).answer(500);
        publishSent(tenant.tenantId);
        await().atMost(Duration.ofSeconds(20)).until(() -> tenant.receiver.at(endpoint.path()).size() == 1);
        // its failures began three days ago (the streak is what the service keeps; moving it back stands for the wait)
        assertThat(WebhookFixtures.update("update webhook_endpoints set failing_since = failing_since - interval '3 days' "
                + "where id = ?::uuid and failing_since is not null", endpoint.id())).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> "paused".equals(
                tenant.owner().get("/api/v1/webhooks/" + endpoint.id()).then().extract().path("data.status")));
        tenant.owner().get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.paused_reason", equalTo("Paused automatically: every delivery failed for 3 days."));
        await().atMost(Duration.ofSeconds(10)).until(() -> "skipped".equals(log(endpoint).getString("data[0].status")));
        int attempts = tenant.receiver.at(endpoint.path()).size();
        assertThat(attempts).isEqualTo(2);
        TestMailbox.Mail mail = TestMailbox.awaitOne(owner);
        assertThat(mail.subject()).isEqualTo("Webhook endpoint paused: " + tenant.receiver.url(endpoint.path()));
        assertThat(mail.from()).contains("webhooks@risiti.ng");
        assertThat(mail.text()).contains("Risiti paused the webhook endpoint " + tenant.receiver.url(endpoint.path()) + " of Adeyemi & Sons Trading Ltd",
                "every delivery to it has failed since", "PATCH /api/v1/webhooks/" + endpoint.id());

        // set active again, it starts afresh
        tenant.owner().body("{\"status\":\"active\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("data.paused_reason", equalTo(null));
        assertThat(WebhookFixtures.count("select count(*) from webhook_endpoints where id = ?::uuid and failing_since is null", endpoint.id()))
                .isEqualTo(1);
    }

    @Test
    void oneSuccessEndsAFailingStreakSoTheEndpointStaysActive() {
        Endpoint endpoint = tenant.endpoint("invoice.sent");
        tenant.receiver.on(endpoint.path()).answer(500, 200);
        publishSent(tenant.tenantId);
        await().atMost(Duration.ofSeconds(20)).until(() -> tenant.receiver.at(endpoint.path()).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(log(endpoint).getString("data[0].status")));
        assertThat(WebhookFixtures.count("select count(*) from webhook_endpoints where id = ?::uuid and failing_since is null "
                + "and status = 'active'", endpoint.id())).isEqualTo(1);
    }
}
