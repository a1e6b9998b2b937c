package ng.risiti.auth.settings.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.auth.TestAccounts;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

/** billing-service's {@code subscription.upgraded} on {@code risiti.billing.v1} puts the tenant on the plan it paid for. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class BillingConsumerTests {

    @Test
    void aPaidUpgradeSetsTheTenantsPlanAndEveryServiceHearsItOnTheTenantsTopic() {
        TestAccounts.Account owner = TestAccounts.register();
        UUID tenant = UUID.fromString(owner.tenantId());
        try (KafkaTopicReader tenants = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            String id = publishUpgrade(tenant, "growth", false);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(owner.accessToken()).get("/api/v1/settings")
                    .then().statusCode(200).body("data.plan", equalTo("growth")));
            assertThat(tenants.readUntil(all -> all.stream().anyMatch(r -> owner.tenantId().equals(r.key())
                    && EventTypes.TENANT_UPDATED.equals(KafkaTopicReader.header(r, "ce_type"))
                    && r.value().contains("\"plan_slug\":\"growth\"")), Duration.ofSeconds(15))).isNotEmpty();

            // the same event redelivered after an operator changed the plan is not applied again
            given().header("X-Risiti-Service-Token", RisitiTestResources.serviceToken()).contentType("application/json")
                    .body(java.util.Map.of("email", owner.email(), "plan", "enterprise")).post("/internal/tenants/plan").then().statusCode(200);
            TestEvents.publish(Topics.BILLING, tenant.toString(), id, EventTypes.SUBSCRIPTION_UPGRADED, tenant, upgrade(tenant, "growth", false));
            // a later event of the same tenant (same partition; test mode, so it changes nothing): once it is processed, so is the copy
            String marker = publishUpgrade(tenant, "starter", true);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(processed(marker)).isTrue());
            given().auth().oauth2(owner.accessToken()).get("/api/v1/settings").then().body("data.plan", equalTo("enterprise"));
        }
    }

    @Test
    void aTestModeUpgradeNeverChangesTheRealTenantsPlan() {
        TestAccounts.Account owner = TestAccounts.register();
        UUID tenant = UUID.fromString(owner.tenantId());
        publishUpgrade(tenant, "growth", true);
        String marker = publishUpgrade(tenant, "starter", false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(owner.accessToken()).get("/api/v1/settings")
                .then().body("data.plan", equalTo("starter")));
        assertThat(processed(marker)).isTrue();
    }

    @Test
    void aDowngradeOrCancellationAtThePeriodsEndPutsTheTenantOnThatPlan() {
        TestAccounts.Account owner = TestAccounts.register();
        UUID tenant = UUID.fromString(owner.tenantId());
        publishUpgrade(tenant, "growth", false);
        TestEvents.publish(Topics.BILLING, tenant.toString(), EventTypes.SUBSCRIPTION_CHANGED, tenant, upgrade(tenant, "starter", false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(owner.accessToken()).get("/api/v1/settings")
                .then().body("data.plan", equalTo("starter")));
        TestEvents.publish(Topics.BILLING, tenant.toString(), EventTypes.SUBSCRIPTION_CHANGED, tenant, upgrade(tenant, "free", false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(owner.accessToken()).get("/api/v1/settings")
                .then().body("data.plan", equalTo("free")));
    }

    @Test
    void aFailedSubscriptionPaymentIsMailedToTheOwnerAndThePlanStaysUntilBillingSaysOtherwise() {
        TestAccounts.Account owner = TestAccounts.register();
        UUID tenant = UUID.fromString(owner.tenantId());
        publishUpgrade(tenant, "growth", false);
        TestEvents.publish(Topics.BILLING, tenant.toString(), EventTypes.SUBSCRIPTION_PAYMENT_FAILED, tenant, upgrade(tenant, "growth", false));
        ng.risiti.testsupport.TestMailbox.Mail mail = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> ng.risiti.testsupport.TestMailbox.read(owner.email()).stream()
                        .filter(m -> m.subject().startsWith("Payment failed")).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(mail.text()).contains("past due").contains("growth").contains("5000.00").contains("POST /api/v1/billing/subscription");
        given().auth().oauth2(owner.accessToken()).get("/api/v1/settings").then().body("data.plan", equalTo("growth"));
    }

    private static String publishUpgrade(UUID tenant, String plan, boolean test) {
        return TestEvents.publish(Topics.BILLING, tenant.toString(), EventTypes.SUBSCRIPTION_UPGRADED, tenant, upgrade(tenant, plan, test));
    }

    private static String upgrade(UUID tenant, String plan, boolean test) {
        return "{\"tenant_id\":\"" + tenant + "\",\"plan_slug\":\"" + plan + "\",\"previous_plan_slug\":\"free\",\"billing_cycle\":\"monthly\","
                + "\"status\":\"active\",\"current_period_start\":\"2026-01-01T00:00:00Z\",\"current_period_end\":\"2026-02-01T00:00:00Z\","
                + "\"amount_kobo\":500000,\"amount\":\"5000.00\",\"reference\":\"rsk_test\",\"test_mode\":" + test
                + ",\"occurred_at\":\"2026-01-01T00:00:00Z\"}";
    }

    /** Whether auth-service's billing consumer recorded the event in its inbox. */
    private static boolean processed(String eventId) {
        try (java.sql.Connection db = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("auth"));
                java.sql.PreparedStatement query = db.prepareStatement(
                        "select count(*) from inbox_events where consumer = 'auth-service.billing' and event_id = ?")) {
            query.setString(1, eventId);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
