package ng.risiti.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.launcher.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate limits and the credit pool across two replicas of one service (docs/adr/0013, "Tolerance"): the stack's
 * customer-service (replica A, :8082) and a second one the launcher starts beside it with the same environment on
 * another port (replica B). Calls go to each replica directly, as a load balancer would spread them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class RateLimitReplicasIT {

    static final String SERVICE = "customer-service";
    static final String A = "http://127.0.0.1:8082";
    static final int FREE_BURST = 30;
    static final int STARTER_BURST = 100;
    static final int STARTER_PER_DAY = 5000;
    /** 402 at every replica within this of the pool emptying (issue 13), and the daily count's lag (ADR 13: ≈ 1 s). */
    static final Duration PROMISE = Duration.ofSeconds(2);

    static LocalStack stack;
    static LocalStack.Replica replicaB;
    static Api api;
    static String b;

    @BeforeAll
    static void startASecondReplica() {
        stack = SharedStack.stack();
        api = new Api(stack.gatewayUrl());
        long t = System.nanoTime();
        replicaB = stack.startReplica(SERVICE, freePort());
        b = replicaB.url();
        System.out.printf(Locale.ROOT, "[system test] second %s on %s in %.1fs%n", SERVICE, b, (System.nanoTime() - t) / 1e9);
    }

    @AfterAll
    static void stopReplica() {
        if (replicaB != null) {
            replicaB.close();
        }
    }

    /**
     * A Free tenant with the 10 trial calls and NGN 1,000 of credits (10 calls): calls alternating between the replicas
     * as fast as one client makes them. Both replicas refuse with 402 within 2 s of the pool emptying; what got
     * through beyond the pool is at most one burst per replica, and every one of those calls is charged.
     */
    @Test
    @Order(1)
    void anEmptyPoolIsRefusedAtBothReplicasWithinTwoSecondsAndTheOvershootIsAtMostABurstPerReplica() {
        Api.Account tenant = api.signUp("Kanu Free Ltd", "free");
        topUp(tenant, 1000);
        int pool = 10 + 10;

        int accepted = 0;
        long emptied = 0;
        long[] first402 = {0, 0};
        List<String> log = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; (first402[0] == 0 || first402[1] == 0) && System.nanoTime() < deadline; i++) {
            int replica = i % 2;
            Response answer = call(replica == 0 ? A : b, tenant.apiKey());
            int status = answer.statusCode();
            long now = System.nanoTime();
            if (status == 200) {
                accepted++;
                if (accepted == pool) {
                    emptied = now;
                }
            } else if (status == 402) {
                assertThat(answer.jsonPath().getString("error.code")).isEqualTo("PLAN_LIMIT_EXCEEDED");
                if (first402[replica] == 0) {
                    first402[replica] = now;
                    assertThat(accepted).as("a replica refuses only once the pool is empty (never for calls not made): %s", log)
                            .isGreaterThanOrEqualTo(pool);
                }
            } else {
                assertThat(status).as("a call is let through, refused for credits (402) or for the burst (429)").isEqualTo(429);
            }
            log.add((replica == 0 ? "A" : "B") + status);
        }
        assertThat(emptied).as("the pool of %d calls emptied: %s", pool, log).isPositive();
        assertThat(first402).as("both replicas refused with 402: %s", log).doesNotContain(0L);
        Duration atA = Duration.ofNanos(first402[0] - emptied);
        Duration atB = Duration.ofNanos(first402[1] - emptied);
        int overshoot = accepted - pool;
        System.out.printf(Locale.ROOT, "[system test] pool %d, let through %d (overshoot %d), 402 at A after %d ms, at B after %d ms, %d calls%n",
                pool, accepted, overshoot, atA.toMillis(), atB.toMillis(), log.size());
        assertThat(atA).as("A refuses within %s of the pool emptying", PROMISE).isLessThan(PROMISE);
        assertThat(atB).as("B refuses within %s of the pool emptying", PROMISE).isLessThan(PROMISE);
        assertThat(overshoot).as("calls beyond the pool: at most one burst per replica (ADR 13)").isBetween(0, 2 * FREE_BURST);
        // the refusal holds at both while the calls travel to billing and its count comes back (a replica once let a
        // call through again for that second, counting its calls neither as its own nor as billing's)
        long holdUntil = System.nanoTime() + PROMISE.toNanos();
        for (int i = 0; System.nanoTime() < holdUntil; i++) {
            assertThat(call(i % 2 == 0 ? A : b, tenant.apiKey()).statusCode()).as("call %d after both refused", i).isEqualTo(402);
        }

        // every call let through is charged once: 10 trial calls free, then NGN 100 each, the overshoot below zero
        long expectedKobo = 100_000 - (long) (accepted - 10) * 10_000;
        await("billing charged every call let through").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.request().auth().oauth2(tenant.accessToken()).get("/api/v1/api-credits").then().statusCode(200)
                        .extract().jsonPath().getLong("data.balance_kobo"), balance -> balance == expectedKobo);
    }

    /**
     * The burst is counted per replica (ADR 13): N calls at once, half at each replica, within one UTC minute let
     * through exactly one burst at each, so at most 2 × burst; the rest are 429 with Retry-After.
     */
    @Test
    @Order(2)
    void parallelCallsSplitAcrossBothReplicasGetAtMostOneBurstAtEach() throws Exception {
        Api.Account tenant = api.signUp("Ngozi Starter Ltd", "starter");
        awaitEarlyInAMinute(40);
        int[] probes = awaitStarterEntitlementsAtBothReplicas(tenant.apiKey());

        int n = 3 * STARTER_BURST;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String replica = i % 2 == 0 ? A : b;
                calls.add(pool.submit(() -> call(replica, tenant.apiKey())));
            }
            int[] accepted = {0, 0};
            for (int i = 0; i < n; i++) {
                Response answer = calls.get(i).get();
                if (answer.statusCode() == 200) {
                    accepted[i % 2]++;
                } else {
                    assertThat(answer.statusCode()).isEqualTo(429);
                    assertThat(answer.jsonPath().getString("error.code")).isEqualTo("RATE_LIMIT_EXCEEDED");
                    assertThat(answer.header("Retry-After")).isNotBlank();
                }
            }
            System.out.printf(Locale.ROOT, "[system test] %d parallel calls: %d let through at A, %d at B (+%d, %d probes before)%n",
                    n, accepted[0], accepted[1], probes[0], probes[1]);
            assertThat(accepted[0] + probes[0]).as("A's minute: exactly its burst").isEqualTo(STARTER_BURST);
            assertThat(accepted[1] + probes[1]).as("B's minute: exactly its burst").isEqualTo(STARTER_BURST);
            assertThat(accepted[0] + accepted[1]).isLessThanOrEqualTo(2 * STARTER_BURST);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The day's count (X-RateLimit-Remaining) at B follows calls made at A within the documented lag. B's burst is used
     * up first, so B's own probes are refused (429) and counted nowhere: what B shows is exactly billing's count.
     */
    @Test
    @Order(3)
    void theDaysRemainingAtOneReplicaReflectsCallsMadeAtTheOtherWithinTheDocumentedLag() {
        Api.Account tenant = api.signUp("Emeka Starter Ltd", "starter");
        awaitEarlyInAMinute(35);
        int[] probes = awaitStarterEntitlementsAtBothReplicas(tenant.apiKey());
        int atB = probes[1];
        int atA = probes[0];
        while (call(b, tenant.apiKey()).statusCode() == 200) {
            atB++;
        }
        assertThat(atB).as("B's minute: exactly its burst").isEqualTo(STARTER_BURST);
        long before = STARTER_PER_DAY - atA - atB;
        await("B's own calls reach billing and come back").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> remainingAtB(tenant.apiKey()), remaining -> remaining == before);

        int made = 20;
        for (int i = 0; i < made; i++) {
            assertThat(call(A, tenant.apiKey()).statusCode()).isEqualTo(200);
        }
        long lastAtA = System.nanoTime();
        await("B shows A's calls").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> remainingAtB(tenant.apiKey()), remaining -> remaining == before - made);
        Duration lag = Duration.ofNanos(System.nanoTime() - lastAtA);
        System.out.printf(Locale.ROOT, "[system test] B's X-RateLimit-Remaining showed A's %d calls %d ms after the last%n", made, lag.toMillis());
        assertThat(lag).as("the day's count at B lags A's calls by one reconciliation (ADR 13)").isLessThan(PROMISE);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Response call(String replica, String apiKey) {
        return given().baseUri(replica).header("x-api-key", apiKey).get("/api/v1/customers?limit=1");
    }

    /** B's X-RateLimit-Remaining on a probe B refuses for the burst (so the probe itself counts nowhere). */
    private static long remainingAtB(String apiKey) {
        Response probe = call(b, apiKey);
        assertThat(probe.statusCode()).as("B's burst is used up for this minute (the minute turned?)").isEqualTo(429);
        return Long.parseLong(probe.header("X-RateLimit-Remaining"));
    }

    /**
     * Both replicas have the tenant's Starter entitlements (the header shows its daily limit, not Free's 500); returns
     * how many calls each let through meanwhile (they count in this minute's burst).
     */
    private static int[] awaitStarterEntitlementsAtBothReplicas(String apiKey) {
        int[] probes = {0, 0};
        String[] replicas = {A, b};
        for (int r = 0; r < 2; r++) {
            int replica = r;
            await("replica " + replicas[r] + " has the tenant's plan").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        Response probe = call(replicas[replica], apiKey);
                        if (probe.statusCode() == 200) {
                            probes[replica]++;
                        }
                        return Integer.toString(STARTER_PER_DAY).equals(probe.header("X-RateLimit-Limit"));
                    });
        }
        return probes;
    }

    /** Burst windows are UTC minutes: the calls that must share one start early enough in it. */
    private static void awaitEarlyInAMinute(int latestSecond) {
        await("an early second of a UTC minute").atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(100))
                .until(() -> LocalTime.now(ZoneOffset.UTC).getSecond() <= latestSecond);
    }

    /** Credits bought as the README shows: the Paystack sandbox's checkout, then its signed webhook to billing. */
    private static void topUp(Api.Account tenant, int naira) {
        String checkout = api.request().auth().oauth2(tenant.accessToken()).body(Map.of("amount", naira)).post("/api/v1/api-credits/top-up")
                .then().statusCode(200).extract().path("data.authorization_url");
        given().redirects().follow(false).get(checkout).then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.equalTo(200), org.hamcrest.Matchers.equalTo(302)));
        await("the top-up is paid").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.request().auth().oauth2(tenant.accessToken()).get("/api/v1/api-credits").then().statusCode(200)
                        .extract().jsonPath().getLong("data.balance_kobo"), balance -> balance == naira * 100L);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
