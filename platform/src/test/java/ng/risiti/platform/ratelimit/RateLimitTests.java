package ng.risiti.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.platform.testapp.TestDatabase;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.ScrapedMetrics;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * The limiter as every service runs it, over real HTTP: tenants get the real plans' numbers through the entitlements
 * replica (as billing publishes them); tenants nobody described have the test profile's lifted limits.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class RateLimitTests {

    private static final String NOTES = "/api/v1/notes";

    @Inject
    Entitlements entitlements;

    @Inject
    UsageMeter meter;

    /** A tenant on a plan: Free is 500 calls a day, 30 a minute, nothing included beyond the trial. */
    private Tenant on(int perDay, int burst, int included, long callsToday, long callsAvailable) {
        Tenant tenant = Tenant.create();
        publish(tenant, perDay, burst, included, callsToday, callsAvailable, null, 1);
        return tenant;
    }

    /** Billing's entitlements for the tenant's live world, as it publishes them (NGN 100 a call, no trial calls left). */
    private void publish(Tenant tenant, int perDay, int burst, int included, long callsToday, long callsAvailable, String meteredEvent,
            long version) {
        entitlements.accept(new EntitlementState(tenant.id(), false, included == 0 ? "free" : "starter", Set.of(), perDay, burst, 50,
                included, LocalDate.now(ZoneOffset.UTC), callsToday, callsAvailable * 10000, 0, callsAvailable, callsAvailable <= 0,
                Instant.now(), meteredEvent), version);
    }

    /** The same on Free. */
    private void free(Tenant tenant, long callsToday, long callsAvailable, String meteredEvent, long version) {
        publish(tenant, 500, 30, 0, callsToday, callsAvailable, meteredEvent, version);
    }

    /** A Free tenant whose {@code credits} calls' worth of credits were all spent here, refused (402) on the next call. */
    private Tenant spentAll(long callsToday, int credits) {
        Tenant tenant = on(500, 30, 0, callsToday, credits);
        for (int i = 0; i < credits; i++) {
            tenant.live().get(NOTES).then().statusCode(200);
        }
        tenant.live().get(NOTES).then().statusCode(402).header("X-RateLimit-Remaining", Long.toString(500 - callsToday - credits));
        return tenant;
    }

    /** The id of the last {@code api_calls.metered} event this replica wrote for the tenant, once its calls add up to {@code calls}. */
    private static String awaitMetered(Tenant tenant, long calls) {
        String where = " from outbox_events where type = 'api_calls.metered' and tenant_id = '" + tenant.id() + "'";
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> TestDatabase.count("select coalesce(sum((data::jsonb->>'count')::bigint), 0)" + where) == calls);
        return TestDatabase.text("select id" + where + " order by seq desc limit 1");
    }

    private static long nextUtcMidnight() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** Bursts are counted per UTC minute: a test that must not straddle two starts early in one. */
    private static void earlyInAMinute() {
        await().atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(200))
                .until(() -> LocalTime.now(ZoneOffset.UTC).getSecond() < 45);
    }

    @Test
    void everyApiKeyCallSaysThePlansDailyLimitWhatIsLeftAndWhenTheDayResets() {
        earlyInAMinute();
        Tenant tenant = on(500, 30, 0, 120, 100);
        tenant.live().get(NOTES).then().statusCode(200)
                .header("X-RateLimit-Limit", "500")
                .header("X-RateLimit-Remaining", "379")
                .header("X-RateLimit-Reset", Long.toString(nextUtcMidnight()));
        // this replica wrote the call out; once billing's count (from every replica) includes it, the day goes on from there
        String metered = awaitMetered(tenant, 1);
        free(tenant, 121, 100, metered, 2);
        tenant.live().get(NOTES).then().statusCode(200).header("X-RateLimit-Remaining", "378");
    }

    /**
     * Calls written out but not yet in billing's numbers still count against the tenant here: a Free tenant refused for
     * credits stays refused while its calls travel to billing and back (in CI the refusal once lifted for a moment
     * after the flush, before billing's count arrived), and the day's remaining never goes back up.
     */
    @Test
    void callsWrittenOutStayCountedUntilBillingsEntitlementsCountThem() {
        Tenant tenant = spentAll(7, 3);
        Tenancy tenancy = new Tenancy(tenant.id(), false);
        String metered = awaitMetered(tenant, 3);
        assertThat(meter.uncounted(tenancy)).as("written out, not counted by billing yet").isEqualTo(3);
        tenant.live().get(NOTES).then().statusCode(402).header("X-RateLimit-Remaining", "490");

        // a state billing published for something else (an earlier metering, a verification) leaves them uncounted
        free(tenant, 7, 3, UUID.randomUUID().toString(), 2);
        tenant.live().get(NOTES).then().statusCode(402).header("X-RateLimit-Remaining", "490");

        // billing counted them: its numbers alone now say the same
        free(tenant, 10, 0, metered, 3);
        assertThat(meter.uncounted(tenancy)).isZero();
        tenant.live().get(NOTES).then().statusCode(402).header("X-RateLimit-Remaining", "490");

        // a top-up: calls go through again
        free(tenant, 10, 2, null, 4);
        tenant.live().get(NOTES).then().statusCode(200).header("X-RateLimit-Remaining", "489");
    }

    /**
     * A count billing never confirms (billing down that long, its record missed) is let go after
     * risiti.rate-limit.billing-count-timeout (5 s in tests), so a lost record cannot refuse a tenant for good.
     */
    @Test
    void callsBillingNeverCountsAreLetGoAfterTheTimeout() {
        Tenant tenant = spentAll(0, 2);
        Tenancy tenancy = new Tenancy(tenant.id(), false);
        awaitMetered(tenant, 2);
        long written = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> meter.uncounted(tenancy) == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - written)).as("held until the timeout").isGreaterThan(Duration.ofSeconds(4));
        tenant.live().get(NOTES).then().statusCode(200);
    }

    @Test
    void theThirtyFirstCallInAMinuteOnFreeIs429WithRetryAfterAndTheSeedsMessage() {
        earlyInAMinute();
        Tenant tenant = on(500, 30, 0, 0, 1000);
        for (int i = 0; i < 30; i++) {
            tenant.live().get(NOTES).then().statusCode(200);
        }
        double rejected = rejections("burst");
        Response refused = tenant.live().get(NOTES);
        refused.then().statusCode(429)
                .body("error.code", equalTo("RATE_LIMIT_EXCEEDED"))
                .body("error.request_id", notNullValue())
                .header("X-RateLimit-Limit", "500")
                .header("X-RateLimit-Reset", Long.toString(nextUtcMidnight()));
        Instant nextMinute = Instant.now().plusSeconds(60).atZone(ZoneOffset.UTC).withSecond(0).withNano(0).toInstant();
        assertThat(refused.jsonPath().getString("error.message"))
                .isEqualTo("API rate limit exceeded. Resets at " + nextMinute.toString().replace("Z", ".000Z") + ".");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(rejections("burst")).isEqualTo(rejected + 1);
    }

    /** risiti_rate_limit_rejections_total of API-key calls refused for {@code reason}, as Prometheus reads it. */
    private static double rejections(String reason) {
        return ScrapedMetrics.scrape().value("risiti_rate_limit_rejections_total", "reason", reason, "kind", "api_key");
    }

    @Test
    void fortyCallsAtOnceAgainstABurstOfTwentyLetExactlyTwentyThrough() throws Exception {
        earlyInAMinute();
        Tenant tenant = on(5000, 20, 5000, 0, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> tenant.live().get(NOTES).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(20);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFreeTenantWhoseCreditsRanOutIsRefused402ButItsTestKeysStillWork() {
        Tenant tenant = on(500, 30, 0, 40, 0);
        double rejected = rejections("credits");
        tenant.live().get(NOTES).then().statusCode(402)
                .body("error.code", equalTo("PLAN_LIMIT_EXCEEDED"))
                .body("error.message", equalTo("API credits are exhausted: top up at /api/v1/api-credits/top-up."))
                .header("X-RateLimit-Limit", "500");
        assertThat(rejections("credits")).isEqualTo(rejected + 1);
        tenant.test().get(NOTES).then().statusCode(200);
    }

    @Test
    void aFreeTenantAtItsDailyLimitIs429UntilMidnightUtcEvenWithCredits() {
        Tenant tenant = on(500, 30, 0, 500, 1000);
        double rejected = rejections("daily");
        Response refused = tenant.live().get(NOTES);
        refused.then().statusCode(429).body("error.code", equalTo("RATE_LIMIT_EXCEEDED"))
                .header("X-RateLimit-Remaining", "0");
        assertThat(rejections("daily")).isEqualTo(rejected + 1);
        Instant midnight = Instant.ofEpochSecond(nextUtcMidnight());
        assertThat(refused.jsonPath().getString("error.message"))
                .isEqualTo("API rate limit exceeded. Resets at " + midnight.toString().replace("Z", ".000Z") + ".");
    }

    @Test
    void aPaidPlanGoesBeyondItsDailyAllowanceWhileCreditsPayAndIs429WhenTheyAreGone() {
        on(5000, 100, 5000, 5000, 3).live().get(NOTES).then().statusCode(200);
        on(5000, 100, 5000, 5000, 0).live().get(NOTES).then().statusCode(429).body("error.code", equalTo("RATE_LIMIT_EXCEEDED"));
    }

    @Test
    void refusedCredentialsAndUnknownPathsCarryTheHeadersToo() {
        RestAssured.given().header("x-api-key", "rs_live_" + "0".repeat(40)).get(NOTES).then().statusCode(401)
                .header("X-RateLimit-Limit", notNullValue()).header("X-RateLimit-Reset", Long.toString(nextUtcMidnight()));
        RestAssured.given().get("/api/v1/no-such-thing").then().statusCode(404)
                .header("X-RateLimit-Remaining", notNullValue()).header("X-RateLimit-Reset", Long.toString(nextUtcMidnight()));
    }

    @Test
    void apiKeyCallsReachTheOutboxAsMeteredUsageAndDashboardCallsNever() {
        Tenant tenant = Tenant.create();
        for (int i = 0; i < 7; i++) {
            tenant.live().get(NOTES).then().statusCode(200);
        }
        for (int i = 0; i < 4; i++) {
            tenant.user(UUID.randomUUID()).get(NOTES).then().statusCode(200).header("X-RateLimit-Limit", "10000000");
        }
        String metered = "select coalesce(sum((data::jsonb->>'count')::bigint), 0) from outbox_events where type = 'api_calls.metered'"
                + " and tenant_id = '" + tenant.id() + "'";
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count(metered) == 7);
        assertThat(TestDatabase.count("select count(*) from outbox_events where type = 'api_calls.metered' and tenant_id = '"
                + tenant.id() + "' and topic = 'risiti.api-usage.v1' and partition_key = '" + tenant.id() + "'")).isPositive();
    }
}
