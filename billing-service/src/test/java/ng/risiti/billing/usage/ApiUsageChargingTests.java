package ng.risiti.billing.usage;

import static io.restassured.RestAssured.given;
import static ng.risiti.billing.testing.BillingTestKit.metered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.ratelimit.Entitlements;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * API-key calls metered by every service (here: billing's own filter, the same platform code every service runs)
 * reach billing through the outbox and Kafka, are charged once, and come back to every service as entitlements.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class ApiUsageChargingTests {

    @Inject
    Entitlements entitlements;

    private EntitlementState awaitEntitlements(UUID tenantId, boolean test, java.util.function.Predicate<EntitlementState> until) {
        Tenancy tenancy = new Tenancy(tenantId, test);
        await().atMost(Duration.ofSeconds(15)).until(() -> entitlements.find(tenancy) != null && until.test(entitlements.find(tenancy)));
        return entitlements.find(tenancy);
    }

    @Test
    void theSameUsageEventDeliveredTwiceIsChargedOnce() {
        Tenant tenant = Tenant.fresh();
        String id = UUID.randomUUID().toString();
        String body = metered(tenant.id(), false, 12);
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), id, EventTypes.API_CALLS_METERED, tenant.id(), body);
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), id, EventTypes.API_CALLS_METERED, tenant.id(), body);
        // a later event of the same tenant: once it is applied, both copies before it were seen
        String later = UUID.randomUUID().toString();
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), later, EventTypes.API_CALLS_METERED, tenant.id(), metered(tenant.id(), false, 1));

        EntitlementState state = awaitEntitlements(tenant.id(), false, s -> s.callsToday() == 13);
        assertThat(state.meteredEvent()).as("the state names the event it is the first to count (the replica that wrote it lets go)")
                .isEqualTo(later);
        assertThat(state.freeCallsRemaining()).isZero();
        assertThat(state.balanceKobo()).isEqualTo(-30000);
        tenant.as().get("/api/v1/api-credits").then().statusCode(200)
                .body("data.balance_kobo", equalTo(-30000)).body("data.free_calls_remaining", equalTo(0));
        List<Integer> amounts = tenant.as().get("/api/v1/api-credits/ledger?limit=100").then().statusCode(200).extract().path("data.amount_kobo");
        assertThat(amounts).hasSize(12).containsOnly(0, -20000, -10000);
    }

    @Test
    void freeTenantsEntitlementsCarryThePlansLimitsAndNoPaidFeatures() {
        Tenant tenant = Tenant.fresh();
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), EventTypes.API_CALLS_METERED, tenant.id(), metered(tenant.id(), false, 3));
        EntitlementState state = awaitEntitlements(tenant.id(), false, s -> s.callsToday() == 3);
        assertThat(state.planSlug()).isEqualTo("free");
        assertThat(state.callsPerDay()).isEqualTo(500);
        assertThat(state.burstPerMinute()).isEqualTo(30);
        assertThat(state.invoicesPerMonth()).isEqualTo(50);
        assertThat(state.includedCallsPerDay()).isZero();
        assertThat(state.features()).isEmpty();
        assertThat(state.freeCallsRemaining()).isEqualTo(7);
        assertThat(state.callsAvailable()).isEqualTo(7);
    }

    @Test
    void testModeCallsAreCountedButNeverCharged() {
        Tenant tenant = Tenant.fresh();
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), EventTypes.API_CALLS_METERED, tenant.id(), metered(tenant.id(), true, 25));
        EntitlementState state = awaitEntitlements(tenant.id(), true, s -> s.callsToday() == 25);
        assertThat(state.balanceKobo()).isZero();
        assertThat(state.freeCallsRemaining()).isEqualTo(10);
    }

    @Test
    void aFreeTenantsTenTrialCallsAreFreeThenItIsRefused402WithinTwoSecondsOfThePoolEmptying() {
        Tenant tenant = Tenant.fresh();
        String key = TestIdentity.apiKey(tenant.id(), List.of("admin"));
        for (int i = 0; i < 5; i++) {
            given().header("x-api-key", key).get("/api/v1/api-credits").then().statusCode(200);
        }
        // the path is warm (the consumer group joined, the replica follows): what is measured is the steady state
        awaitEntitlements(tenant.id(), false, s -> s.callsToday() == 5);
        for (int i = 0; i < 5; i++) {
            given().header("x-api-key", key).get("/api/v1/api-credits").then().statusCode(200);
        }
        Instant emptied = Instant.now();
        // what every service's filter reads: this service's replica of risiti.entitlements.v1 (polled in memory, so a
        // slow HTTP call on a busy machine does not hide how fast the news travelled); waits longer than the promise,
        // so a miss says by how much
        Tenancy tenancy = new Tenancy(tenant.id(), false);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> entitlements.find(tenancy) != null && entitlements.find(tenancy).exhausted());
        assertThat(Duration.between(emptied, Instant.now())).as("time from the tenth call until the replica knows the pool is empty")
                .isLessThan(Duration.ofSeconds(2));
        EntitlementState state = entitlements.find(tenancy);
        assertThat(state.callsToday()).isEqualTo(10);
        assertThat(state.freeCallsRemaining()).isZero();
        assertThat(state.balanceKobo()).isZero();
        given().header("x-api-key", key).get("/api/v1/api-credits").then().statusCode(402)
                .body("error.code", equalTo("PLAN_LIMIT_EXCEEDED"))
                .body("error.message", equalTo("API credits are exhausted: top up at /api/v1/api-credits/top-up."))
                .header("X-RateLimit-Limit", "500").header("X-RateLimit-Remaining", "490");
        // dashboard calls are never metered: the owner still sees the wallet
        tenant.as().get("/api/v1/api-credits").then().statusCode(200).body("data.free_calls_remaining", equalTo(0));
    }

    @Test
    void usageShowsTheMonthsCallsInvoicesAndEstimatedStorageBesideThePlansLimits() {
        Tenant tenant = Tenant.fresh();
        for (int i = 0; i < 2; i++) {
            UUID invoice = UUID.randomUUID();
            TestEvents.publish(Topics.INVOICES, invoice.toString(), EventTypes.INVOICE_CREATED, tenant.id(), "{\"id\":\"" + invoice + "\"}");
        }
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), EventTypes.API_CALLS_METERED, tenant.id(), metered(tenant.id(), false, 4));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> tenant.as().get("/api/v1/billing/usage").then().statusCode(200)
                .body("data.invoices.created", equalTo(2))
                .body("data.api_calls.today", equalTo(4)));
        tenant.as().get("/api/v1/billing/usage").then().statusCode(200)
                .body("data.plan_slug", equalTo("free"))
                .body("data.period_start", equalTo(today.withDayOfMonth(1).toString()))
                .body("data.period_end", equalTo(today.withDayOfMonth(today.lengthOfMonth()).toString()))
                .body("data.api_calls.this_period", equalTo(4))
                .body("data.api_calls.limit_per_day", equalTo(500))
                .body("data.api_calls.burst_per_minute", equalTo(30))
                .body("data.api_calls.included_per_day", equalTo(0))
                .body("data.invoices.limit", equalTo(50))
                .body("data.storage.used_bytes", equalTo(8192))
                .body("data.storage.estimated", equalTo(true));
        // another tenant's usage is its own; a key without admin cannot read it
        Tenant.fresh().as().get("/api/v1/billing/usage").then().statusCode(200).body("data.invoices.created", equalTo(0))
                .body("data.api_calls.today", equalTo(0));
        given().header("x-api-key", TestIdentity.apiKey(tenant.id(), List.of("invoices:read"))).get("/api/v1/billing/usage").then()
                .statusCode(403);
        given().get("/api/v1/billing/usage").then().statusCode(401);
    }

    @Test
    void aTenantIsDescribedFromItsRegistrationWithThePlanAuthGaveItAndAStarterDayIsFree() {
        Tenant tenant = Tenant.fresh();
        TestEvents.publish(Topics.TENANTS, tenant.id().toString(), EventTypes.TENANT_CREATED, tenant.id(),
                "{\"tenant_id\":\"" + tenant.id() + "\",\"name\":\"Fime Digital Ltd\",\"plan_slug\":\"starter\"}");
        EntitlementState live = awaitEntitlements(tenant.id(), false, s -> "starter".equals(s.planSlug()));
        assertThat(live.features()).containsExactlyInAnyOrder("nrs_submission", "pdf", "xml", "credit_notes");
        assertThat(live.callsPerDay()).isEqualTo(5000);
        assertThat(live.burstPerMinute()).isEqualTo(100);
        assertThat(live.invoicesPerMonth()).isEqualTo(500);
        assertThat(live.includedCallsPerDay()).isEqualTo(5000);
        assertThat(awaitEntitlements(tenant.id(), true, s -> true).planSlug()).isEqualTo("starter");

        // calls within the plan's daily allowance cost nothing, not even trial calls
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), EventTypes.API_CALLS_METERED, tenant.id(), metered(tenant.id(), false, 40));
        EntitlementState used = awaitEntitlements(tenant.id(), false, s -> s.callsToday() == 40);
        assertThat(used.freeCallsRemaining()).isEqualTo(10);
        assertThat(used.balanceKobo()).isZero();
        assertThat(used.exhausted()).isFalse();
    }

    @Test
    void callsMeteredBeforeBillingHearsOfTheTenantAreChargedOnTheTenantsOwnPlanNotOnFree() {
        // a tenant registered on Starter uses its key at once: its first metering can overtake auth-service's tenant.created
        UUID id = UUID.randomUUID();
        TestEvents.publish(Topics.API_USAGE, id.toString(), EventTypes.API_CALLS_METERED, id, metered(id, false, 12));
        TestEvents.publish(Topics.TENANTS, id.toString(), EventTypes.TENANT_CREATED, id,
                "{\"tenant_id\":\"" + id + "\",\"name\":\"Ade Bakery Ltd\",\"plan_slug\":\"starter\"}");
        EntitlementState used = awaitEntitlements(id, false, s -> s.callsToday() == 12);
        // on Free the 12 calls would have taken the 10 trial calls and NGN 200
        assertThat(used.planSlug()).isEqualTo("starter");
        assertThat(used.freeCallsRemaining()).isEqualTo(10);
        assertThat(used.balanceKobo()).isZero();
    }

    @Test
    void underRandomMeteredCallsRedeliveriesAndTopUpsTheBalanceIsTheLedgersSumAndEachCallIsChargedOnce() {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        String why = "seed " + seed;
        ng.risiti.billing.testing.BillingTestKit.pointWebhooksHere();
        Tenant tenant = Tenant.fresh();
        long calls = 0;
        long toppedUpKobo = 0;
        for (int step = 0; step < 20; step++) {
            if (random.nextInt(5) == 0) {
                long naira = 1000 + random.nextInt(3) * 500;
                String reference = tenant.as().body("{\"amount\":" + naira + "}").post("/api/v1/api-credits/top-up").then().statusCode(200)
                        .extract().path("data.reference");
                ng.risiti.billing.testing.BillingTestKit.sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200));
                toppedUpKobo += naira * 100;
            } else {
                long count = 1 + random.nextInt(15);
                String id = UUID.randomUUID().toString();
                String body = metered(tenant.id(), false, count);
                int copies = random.nextInt(4) == 0 ? 2 : 1; // the relay or the consumer delivering again
                for (int copy = 0; copy < copies; copy++) {
                    TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), id, EventTypes.API_CALLS_METERED, tenant.id(), body);
                }
                calls += count;
            }
        }
        long total = calls;
        long expectedBalance = toppedUpKobo - 10000 * Math.max(0, total - 10);
        awaitEntitlements(tenant.id(), false, s -> s.callsToday() == total && s.balanceKobo() == expectedBalance);
        var wallet = tenant.as().get("/api/v1/api-credits").then().statusCode(200).extract().jsonPath();
        List<Long> amounts = tenant.as().get("/api/v1/api-credits/ledger?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("data.amount_kobo", Long.class);
        assertThat(wallet.getLong("data.balance_kobo")).as(why).isEqualTo(amounts.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(expectedBalance);
        assertThat(wallet.getInt("data.free_calls_remaining")).as(why).isEqualTo((int) Math.max(0, 10 - total));
        assertThat(amounts.stream().filter(a -> a == 0).count()).as(why + ": one trial entry per trial call").isEqualTo(Math.min(10, total));
    }
}
