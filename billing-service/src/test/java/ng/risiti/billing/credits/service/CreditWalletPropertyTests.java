package ng.risiti.billing.credits.service;

import static ng.risiti.billing.testing.BillingTestKit.sandboxEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ng.risiti.billing.credits.domain.LedgerEntry;
import ng.risiti.billing.testing.BillingTestKit;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * The wallet's invariant under random work: top-ups (through Paystack's signed webhook), call and verification charges
 * (through the metering seam, {@link CreditWallet#charge}), some repeated, some at once. Afterwards the balance shown
 * equals the sum of the ledger's entries, is never negative, and equals a model that applies each distinct source once.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class CreditWalletPropertyTests {

    private final CreditWallet wallet;

    CreditWalletPropertyTests(CreditWallet wallet) {
        this.wallet = wallet;
    }

    @Test
    void theBalanceIsAlwaysTheSumOfTheLedgerUnderRandomTopUpsAndCharges() throws Throwable {
        long seed = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            runRound(new Random(seed + round), "seed " + (seed + round));
        }
    }

    private void runRound(Random random, String why) throws Throwable {
        BillingTestKit.pointWebhooksHere();
        Tenant tenant = Tenant.fresh();
        Tenancy tenancy = Tenancy.live(tenant.id());
        List<String> sources = new ArrayList<>();
        chargedSources.clear();
        long toppedUpKobo = 0;
        int topUps = 0;
        for (int step = 0; step < 25; step++) {
            int pick = random.nextInt(10);
            if (pick < 2) {
                long naira = 1000 + random.nextInt(3) * 500;
                String reference = tenant.as().body("{\"amount\":" + naira + "}").post("/api/v1/api-credits/top-up").then().statusCode(200)
                        .extract().path("data.reference");
                sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200));
                toppedUpKobo += naira * 100;
                topUps++;
                if (random.nextBoolean()) {
                    sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200)); // Paystack's retry
                }
            } else {
                // a new source, or one charged before (metering retrying)
                String source = !sources.isEmpty() && random.nextInt(4) == 0 ? sources.get(random.nextInt(sources.size()))
                        : (pick < 8 ? "call:" : "verification:") + java.util.UUID.randomUUID();
                sources.add(source);
                CreditWallet.Use use = source.startsWith("call:") ? CreditWallet.Use.API_CALL : CreditWallet.Use.VERIFICATION;
                int copies = random.nextInt(5) == 0 ? 3 : 1; // sometimes the same charge three times at once
                chargeConcurrently(tenancy, use, source, copies);
            }
        }
        JsonPath wallet = tenant.as().get("/api/v1/api-credits").then().statusCode(200).extract().jsonPath();
        List<Long> amounts = ledgerAmounts(tenant);
        long sum = amounts.stream().mapToLong(Long::longValue).sum();
        long charged = chargedSources.values().stream().mapToLong(Long::longValue).sum();
        assertThat(wallet.getLong("data.balance_kobo")).as(why).isEqualTo(sum).isEqualTo(toppedUpKobo + charged).isGreaterThanOrEqualTo(0);
        assertThat(amounts).as(why + ": one entry per top-up and per charged source").hasSize(topUps + chargedSources.size());
        assertThat(wallet.getInt("data.free_calls_remaining")).as(why).isEqualTo(Math.max(0, 10 - (int) amounts.stream().filter(a -> a == 0).count()));
    }

    /** Each source that made an entry, with the entry's amount (those refused for lack of credits made none). */
    private final java.util.Map<String, Long> chargedSources = new java.util.concurrent.ConcurrentHashMap<>();

    private void chargeConcurrently(Tenancy tenancy, CreditWallet.Use use, String source, int copies) {
        List<CompletableFuture<LedgerEntry>> charges = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(copies)) {
            for (int i = 0; i < copies; i++) {
                charges.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> wallet.charge(tenancy, use, source, "property test"));
                    } catch (Throwable failure) {
                        if (failure instanceof ApiException api && api.code() == ErrorCode.PLAN_LIMIT_EXCEEDED) {
                            return null; // not enough credits: nothing recorded
                        }
                        throw new IllegalStateException(failure);
                    }
                }, pool));
            }
        }
        List<LedgerEntry> entries = charges.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull).toList();
        if (!entries.isEmpty()) {
            Long first = chargedSources.putIfAbsent(source, entries.getFirst().amountKobo());
            assertThat(first == null || first == entries.getFirst().amountKobo()).as("a repeated charge returns the first entry").isTrue();
            assertThat(entries.stream().map(LedgerEntry::id).distinct()).as("one entry for " + source).hasSize(1);
        }
    }

    private static List<Long> ledgerAmounts(Tenant tenant) {
        List<Long> amounts = new ArrayList<>();
        String cursor = null;
        do {
            var request = tenant.as().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/api-credits/ledger").then().statusCode(200).extract().jsonPath();
            page.getList("data.amount_kobo", Long.class).forEach(amounts::add);
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return amounts;
    }
}
