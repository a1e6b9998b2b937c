package ng.risiti.billing.subscriptions.rest;

import static io.restassured.RestAssured.given;
import static ng.risiti.billing.testing.BillingTestKit.sandboxEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.testing.BillingTestKit;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.security.Scope;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PATCH and DELETE of {@code /api/v1/billing/subscription}, and what happens at a period's end: renewals that charge the
 * saved card in the Paystack sandbox, scheduled downgrades, declines, cancellations. A period "ends" when a test moves
 * its end into the past in the database; the renewal job runs every second here.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class SubscriptionLifecycleTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENEWAL = Duration.ofSeconds(20);

    @BeforeEach
    void webhooksComeHere() {
        BillingTestKit.pointWebhooksHere();
    }

    @Test
    void aDowngradeIsScheduledForThePeriodsEndAndTheRenewalThenChargesTheCheaperPlanOnce() throws Exception {
        Tenant tenant = Tenant.fresh();
        Paid paid = subscribe(tenant, "growth", "monthly");
        String end = tenant.as().get("/api/v1/billing/subscription").then().extract().path("data.current_period_end");

        tenant.as().body("{\"plan_slug\":\"starter\"}").patch("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.plan_slug", equalTo("growth"))
                .body("data.status", equalTo("active"))
                .body("data.scheduled_change.plan_slug", equalTo("starter"))
                .body("data.scheduled_change.billing_cycle", equalTo("monthly"))
                .body("data.scheduled_change.effective_at", equalTo(end));
        tenant.as().get("/api/v1/billing/subscription").then().body("data.plan_slug", equalTo("growth"))
                .body("data.scheduled_change.plan_slug", equalTo("starter"));

        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            OffsetDateTime due = endPeriodNow(tenant);
            await().atMost(RENEWAL).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then()
                    .body("data.plan_slug", equalTo("starter")));
            tenant.as().get("/api/v1/billing/subscription").then()
                    .body("data.status", equalTo("active"))
                    .body("data.price", equalTo("5000.00"))
                    .body("data.scheduled_change", nullValue());
            assertThat(periodStart(tenant)).isAtSameInstantAs(due);

            ConsumerRecord<String, String> changed = billing.first(EventTypes.SUBSCRIPTION_CHANGED,
                    r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(20));
            JsonNode data = JSON.readTree(changed.value());
            assertThat(data.path("plan_slug").asText()).isEqualTo("starter");
            assertThat(data.path("previous_plan_slug").asText()).isEqualTo("growth");
            assertThat(data.path("amount_kobo").asLong()).isEqualTo(500000);
            assertThat(billing.first(EventTypes.SUBSCRIPTION_RENEWED, r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(5)))
                    .isNotNull();
        }
        assertThat(charges(paid.authorizationCode())).isEqualTo(1);
        tenant.as().get("/api/v1/billing/invoices").then().statusCode(200)
                .body("data[0].purpose", equalTo("renewal"))
                .body("data[0].status", equalTo("paid"))
                .body("data[0].plan_slug", equalTo("starter"))
                .body("data[0].amount", equalTo("5000.00"));
    }

    @Test
    void aTestModeRenewalChargesPaystacksTestAccountAndRenewsOnlyTheTestSubscriptionAndTheOtherWayRound() throws Exception {
        Tenant tenant = Tenant.fresh();
        String testKey = TestIdentity.testApiKey(tenant.id(), List.of(Scope.ADMIN));
        Paid live = subscribe(tenant, "growth", "monthly");
        Paid test = subscribeInTestMode(testKey, "starter");
        OffsetDateTime liveStart = periodStart(tenant);

        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
            endPeriodAt(tenant, true, due);
            await().atMost(RENEWAL).untilAsserted(() -> assertThat(OffsetDateTime.parse(given().header("x-api-key", testKey)
                    .get("/api/v1/billing/subscription").then().statusCode(200).extract().<String>path("data.current_period_start")))
                    .isAtSameInstantAs(due));
            ConsumerRecord<String, String> renewed = billing.first(EventTypes.SUBSCRIPTION_RENEWED,
                    r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(20));
            assertThat(KafkaTopicReader.header(renewed, "ce_mode")).isEqualTo("test");
            assertThat(JSON.readTree(renewed.value()).path("plan_slug").asText()).isEqualTo("starter");
        }
        // the card saved in Paystack's test account was charged there, once; the live account saw nothing
        assertThat(charges(BillingTestKit.testWorldSandboxUrl(), test.authorizationCode())).isEqualTo(1);
        assertThat(charges(BillingTestKit.sandboxUrl(), live.authorizationCode())).isZero();
        String renewal = given().header("x-api-key", testKey).get("/api/v1/billing/invoices").then().statusCode(200)
                .body("data[0].purpose", equalTo("renewal")).body("data[0].status", equalTo("paid"))
                .body("data[0].plan_slug", equalTo("starter")).body("data[0].amount", equalTo("5000.00"))
                .extract().path("data[0].reference");
        given().header("Authorization", "Bearer " + PaystackSandboxResource.TEST_WORLD_SECRET_KEY)
                .get(BillingTestKit.testWorldSandboxUrl() + "/transaction/verify/" + renewal).then().statusCode(200)
                .body("data.metadata.mode", equalTo("test"));
        // the live subscription, its period and its history are untouched
        assertThat(periodStart(tenant)).isAtSameInstantAs(liveStart);
        tenant.as().get("/api/v1/billing/invoices").then().statusCode(200).body("data.size()", equalTo(1))
                .body("data[0].purpose", equalTo("subscription")).body("data[0].plan_slug", equalTo("growth"));

        // and the other way round: the live renewal charges the live account and leaves the test subscription as it was
        OffsetDateTime testStart = OffsetDateTime.parse(given().header("x-api-key", testKey).get("/api/v1/billing/subscription").then()
                .extract().<String>path("data.current_period_start"));
        OffsetDateTime liveDue = endPeriodNow(tenant);
        await().atMost(RENEWAL).untilAsserted(() -> assertThat(periodStart(tenant)).isAtSameInstantAs(liveDue));
        assertThat(charges(BillingTestKit.sandboxUrl(), live.authorizationCode())).isEqualTo(1);
        assertThat(charges(BillingTestKit.testWorldSandboxUrl(), test.authorizationCode())).isEqualTo(1);
        tenant.as().get("/api/v1/billing/invoices").then().body("data[0].purpose", equalTo("renewal")).body("data[0].amount", equalTo("20000.00"));
        assertThat(OffsetDateTime.parse(given().header("x-api-key", testKey).get("/api/v1/billing/subscription").then()
                .extract().<String>path("data.current_period_start"))).isAtSameInstantAs(testStart);
        given().header("x-api-key", testKey).get("/api/v1/billing/invoices").then().body("data.size()", equalTo(2));
    }

    @Test
    void aCycleChangeToAnnualIsChargedAtTheAnnualPriceForAYearAtRenewal() {
        Tenant tenant = Tenant.fresh();
        subscribe(tenant, "starter", "monthly");
        tenant.as().body("{\"billing_cycle\":\"annual\"}").patch("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.billing_cycle", equalTo("monthly"))
                .body("data.scheduled_change.billing_cycle", equalTo("annual"))
                .body("data.scheduled_change.plan_slug", equalTo("starter"));
        OffsetDateTime due = endPeriodNow(tenant);
        await().atMost(RENEWAL).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then()
                .body("data.billing_cycle", equalTo("annual")));
        String end = tenant.as().get("/api/v1/billing/subscription").then().body("data.price", equalTo("48000.00"))
                .extract().path("data.current_period_end");
        assertThat(OffsetDateTime.parse(end)).isAtSameInstantAs(due.plusYears(1));
    }

    @Test
    void aRenewalRetriedAfterACrashBetweenPaystacksChargeAndOurRecordOfItNeverChargesTwice() {
        Tenant tenant = Tenant.fresh();
        Paid paid = subscribe(tenant, "starter", "monthly");
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        // what a replica that died after Paystack charged, before it committed, left behind: a charge under the period's reference
        String reference = "rsr_" + tenant.id().toString().replace("-", "") + "_l_" + due.toEpochSecond() + "_0";
        given().header("Authorization", "Bearer " + PaystackSandboxResource.SECRET_KEY).contentType(ContentType.JSON)
                .body("{\"authorization_code\":\"" + paid.authorizationCode() + "\",\"email\":\"" + paid.email()
                        + "\",\"amount\":500000,\"reference\":\"" + reference + "\"}")
                .post(BillingTestKit.sandboxUrl() + "/transaction/charge_authorization").then().statusCode(200)
                .body("data.status", equalTo("success"));

        endPeriodAt(tenant, due);
        await().atMost(RENEWAL).untilAsserted(() -> assertThat(periodStart(tenant)).isAtSameInstantAs(due));
        assertThat(charges(paid.authorizationCode())).as("charges of the saved card").isEqualTo(1);
        tenant.as().get("/api/v1/billing/invoices").then().body("data[0].reference", equalTo(reference))
                .body("data[0].status", equalTo("paid"));
    }

    @Test
    void aDeclinedRenewalIsPastDueAndTriedAgainAndWhenTheCardWorksAgainTheSubscriptionIsActive() throws Exception {
        Tenant tenant = Tenant.fresh();
        Paid paid = subscribe(tenant, "starter", "monthly");
        decline(paid.authorizationCode(), true);
        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            OffsetDateTime due = endPeriodNow(tenant);
            await().atMost(RENEWAL).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then()
                    .body("data.status", equalTo("past_due")).body("data.plan_slug", equalTo("starter")));
            decline(paid.authorizationCode(), false);
            ConsumerRecord<String, String> failed = billing.first(EventTypes.SUBSCRIPTION_PAYMENT_FAILED,
                    r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(20));
            assertThat(JSON.readTree(failed.value()).path("status").asText()).isEqualTo("past_due");
            assertThat(JSON.readTree(failed.value()).path("amount_kobo").asLong()).isEqualTo(500000);

            await().atMost(RENEWAL).untilAsserted(() -> assertThat(periodStart(tenant)).isAtSameInstantAs(due));
            tenant.as().get("/api/v1/billing/subscription").then().body("data.status", equalTo("active"));
        }
        assertThat(charges(paid.authorizationCode())).as("the declined charge and the one that went through").isEqualTo(2);
        tenant.as().get("/api/v1/billing/invoices").then()
                .body("data[0].status", equalTo("paid"))
                .body("data[1].status", equalTo("failed"))
                .body("data[1].purpose", equalTo("renewal"));
    }

    @Test
    void whenEveryRetryIsDeclinedTheSubscriptionEndsOnFree() throws Exception {
        Tenant tenant = Tenant.fresh();
        Paid paid = subscribe(tenant, "growth", "monthly");
        decline(paid.authorizationCode(), true);
        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            endPeriodNow(tenant);
            // the first charge and two retries two seconds apart (the test's retry delays), then Free
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then()
                    .body("data.plan_slug", equalTo("free")).body("data.status", equalTo("cancelled")));
            ConsumerRecord<String, String> changed = billing.first(EventTypes.SUBSCRIPTION_CHANGED,
                    r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(20));
            assertThat(JSON.readTree(changed.value()).path("plan_slug").asText()).isEqualTo("free");
            assertThat(JSON.readTree(changed.value()).path("previous_plan_slug").asText()).isEqualTo("growth");
        }
        assertThat(charges(paid.authorizationCode())).isEqualTo(3);
        // back on Free, the tenant may subscribe again
        tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then().statusCode(200);
    }

    @Test
    void cancellingKeepsThePlanUntilThePeriodsEndThenFreeAndTheCardIsNeverChargedAgain() throws Exception {
        Tenant tenant = Tenant.fresh();
        Paid paid = subscribe(tenant, "starter", "monthly");
        tenant.as().delete("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.plan_slug", equalTo("starter"))
                .body("data.status", equalTo("active"))
                .body("data.cancel_at_period_end", equalTo(true))
                .body("data.next_renewal_at", nullValue());
        tenant.as().delete("/api/v1/billing/subscription").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", containsString("already cancelled"));
        tenant.as().body("{\"billing_cycle\":\"annual\"}").patch("/api/v1/billing/subscription").then().statusCode(422)
                .body("error.message", containsString("cancelled"));

        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            endPeriodNow(tenant);
            await().atMost(RENEWAL).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then()
                    .body("data.plan_slug", equalTo("free")).body("data.status", equalTo("cancelled")));
            ConsumerRecord<String, String> changed = billing.first(EventTypes.SUBSCRIPTION_CHANGED,
                    r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(20));
            assertThat(JSON.readTree(changed.value()).path("plan_slug").asText()).isEqualTo("free");
            assertThat(JSON.readTree(changed.value()).path("status").asText()).isEqualTo("cancelled");
        }
        assertThat(charges(paid.authorizationCode())).isZero();
        tenant.as().delete("/api/v1/billing/subscription").then().statusCode(422);
    }

    @Test
    void cancellingAPastDueSubscriptionEndsItAtOnce() {
        Tenant tenant = Tenant.fresh();
        Paid paid = subscribe(tenant, "starter", "monthly");
        sandboxEvent("invoice.payment_failed", paid.reference()).then().body("last_status", equalTo(200));
        tenant.as().get("/api/v1/billing/subscription").then().body("data.status", equalTo("past_due"));
        tenant.as().delete("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.plan_slug", equalTo("free")).body("data.status", equalTo("cancelled"));
    }

    @Test
    void aChangeNeedsARunningSubscriptionAndSomethingToChange() {
        Tenant free = Tenant.fresh();
        free.as().body("{\"billing_cycle\":\"annual\"}").patch("/api/v1/billing/subscription").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"));
        free.as().delete("/api/v1/billing/subscription").then().statusCode(422).body("error.message", containsString("Free"));

        Tenant tenant = Tenant.fresh();
        subscribe(tenant, "growth", "monthly");
        tenant.as().body("{}").patch("/api/v1/billing/subscription").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details.field", hasItem("plan_slug"));
        tenant.as().body("{\"billing_cycle\":\"weekly\"}").patch("/api/v1/billing/subscription").then().statusCode(400)
                .body("error.details.field", hasItem("billing_cycle"));
        tenant.as().body("{\"plan_slug\":\"platinum\"}").patch("/api/v1/billing/subscription").then().statusCode(400)
                .body("error.details.field", hasItem("plan_slug"));
        tenant.as().body("{not json").patch("/api/v1/billing/subscription").then().statusCode(400);
        tenant.as().body("{\"plan_slug\":\"growth\",\"billing_cycle\":\"monthly\"}").patch("/api/v1/billing/subscription").then()
                .statusCode(422).body("error.message", containsString("Nothing to change"));
        tenant.as().body("{\"plan_slug\":\"enterprise\"}").patch("/api/v1/billing/subscription").then().statusCode(422)
                .body("error.message", containsString("contact sales"));
        tenant.as().body("{\"plan_slug\":\"free\"}").patch("/api/v1/billing/subscription").then().statusCode(422)
                .body("error.message", containsString("DELETE"));

        // a scheduled downgrade can be taken back by asking for the plan it is on
        tenant.as().body("{\"plan_slug\":\"starter\"}").patch("/api/v1/billing/subscription").then().statusCode(200);
        tenant.as().body("{\"plan_slug\":\"starter\"}").patch("/api/v1/billing/subscription").then().statusCode(422);
        tenant.as().body("{\"plan_slug\":\"growth\"}").patch("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.scheduled_change", nullValue());

        Tenant starter = Tenant.fresh();
        subscribe(starter, "starter", "monthly");
        starter.as().body("{\"plan_slug\":\"growth\"}").patch("/api/v1/billing/subscription").then().statusCode(422)
                .body("error.message", containsString("POST"));
    }

    @Test
    void changingOrCancellingNeedsTheAdminScope() {
        Tenant tenant = Tenant.fresh();
        String accountant = TestIdentity.token(tenant.id(), UUID.randomUUID(), "accountant",
                List.of(Scope.INVOICES_READ, Scope.INVOICES_WRITE, Scope.PAYMENTS_WRITE, Scope.REPORTS_READ));
        given().header("Authorization", "Bearer " + accountant).contentType(ContentType.JSON).body("{\"billing_cycle\":\"annual\"}")
                .patch("/api/v1/billing/subscription").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("Authorization", "Bearer " + accountant).delete("/api/v1/billing/subscription").then().statusCode(403);
        given().delete("/api/v1/billing/subscription").then().statusCode(401);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The card and address a paid checkout saved in the sandbox. */
    private record Paid(String reference, String authorizationCode, String email) {
    }

    private static Paid subscribe(Tenant tenant, String plan, String cycle) {
        String reference = tenant.as().body("{\"plan_slug\":\"" + plan + "\",\"billing_cycle\":\"" + cycle + "\"}")
                .post("/api/v1/billing/subscription").then().statusCode(200).extract().path("data.reference");
        sandboxEvent("charge.success", reference).then().statusCode(200).body("last_status", equalTo(200));
        tenant.as().get("/api/v1/billing/subscription").then().body("data.plan_slug", equalTo(plan));
        var verified = given().header("Authorization", "Bearer " + PaystackSandboxResource.SECRET_KEY)
                .get(BillingTestKit.sandboxUrl() + "/transaction/verify/" + reference).then().statusCode(200).extract().jsonPath();
        return new Paid(reference, verified.getString("data.authorization.authorization_code"), verified.getString("data.customer.email"));
    }

    /** Subscribes with a test-mode key: the checkout and its card live in Paystack's test account (the second sandbox). */
    private static Paid subscribeInTestMode(String testKey, String plan) {
        String reference = await().atMost(Duration.ofSeconds(10)).until(() -> given().header("x-api-key", testKey).contentType(ContentType.JSON)
                .body("{\"plan_slug\":\"" + plan + "\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then()
                .extract().<String>path("data.reference"), r -> r != null);
        sandboxEvent(BillingTestKit.testWorldSandboxUrl(), "charge.success", reference).then().statusCode(200).body("last_status", equalTo(200));
        given().header("x-api-key", testKey).get("/api/v1/billing/subscription").then().body("data.plan_slug", equalTo(plan));
        var verified = given().header("Authorization", "Bearer " + PaystackSandboxResource.TEST_WORLD_SECRET_KEY)
                .get(BillingTestKit.testWorldSandboxUrl() + "/transaction/verify/" + reference).then().statusCode(200).extract().jsonPath();
        return new Paid(reference, verified.getString("data.authorization.authorization_code"), verified.getString("data.customer.email"));
    }

    private static OffsetDateTime periodStart(Tenant tenant) {
        String start = tenant.as().get("/api/v1/billing/subscription").then().statusCode(200).extract().path("data.current_period_start");
        return OffsetDateTime.parse(start);
    }

    private static OffsetDateTime endPeriodNow(Tenant tenant) {
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        endPeriodAt(tenant, due);
        return due;
    }

    /** Moves the live subscription's period end (and its renewal) to {@code end}, as if a month had passed. */
    private static void endPeriodAt(Tenant tenant, OffsetDateTime end) {
        endPeriodAt(tenant, false, end);
    }

    /** The same for the subscription of one world. */
    private static void endPeriodAt(Tenant tenant, boolean testMode, OffsetDateTime end) {
        try (Connection db = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("billing"));
                PreparedStatement update = db.prepareStatement("update subscriptions set current_period_end = ?, next_renewal_at = ?"
                        + " where tenant_id = ? and test_mode = ?")) {
            update.setObject(1, end);
            update.setObject(2, end);
            update.setObject(3, tenant.id());
            update.setBoolean(4, testMode);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void decline(String authorizationCode, boolean decline) {
        given().contentType(ContentType.JSON).body("{\"authorization_code\":\"" + authorizationCode + "\",\"decline\":" + decline + "}")
                .post(BillingTestKit.sandboxUrl() + "/__sandbox/declines").then().statusCode(200);
    }

    private static long charges(String authorizationCode) {
        return charges(BillingTestKit.sandboxUrl(), authorizationCode);
    }

    private static long charges(String sandbox, String authorizationCode) {
        return given().queryParam("authorization_code", authorizationCode).get(sandbox + "/__sandbox/charges").then()
                .statusCode(200).extract().jsonPath().getLong("charges");
    }
}
