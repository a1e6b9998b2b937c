package ng.risiti.invoice.reports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.creditnotes.service.CreditNoteService;
import ng.risiti.invoice.creditnotes.service.CreditRequest;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.invoices.service.InvoiceLifecycle;
import ng.risiti.invoice.invoices.service.InvoiceService;
import ng.risiti.invoice.invoices.service.NewInvoice;
import ng.risiti.invoice.journal.JournalBooks;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.invoice.payments.service.NewPayment;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.security.Caller;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The reports agree with each other and with the invoices to the kobo (issue 16), over many random invoices driven
 * through the real use cases in process (create, finalize, record payment with or without WHT, credit note, void), so
 * their events post the journal exactly as over HTTP; HTTP would take minutes for 10,000. The reports are then read
 * over HTTP once the journal has caught up. {@code -Dreports.crosscheck.invoices} sets how many: 300 by default (about
 * 100 s on the shared 2-core machine under load); the issue's 10,000 is {@code -Dreports.crosscheck.invoices=10000}
 * (passed with seed 16: 13,588 payments, 6,807 credit notes, 990 voids driven in 383 s, the journal caught up 16 s
 * later). {@code -Dreports.crosscheck.seed} replays a run.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class ReportsCrossCheckTests {

    private static final UUID ZERO_RATED = UUID.fromString("00000000-0000-7000-8000-000000000000");
    private static final List<PaymentMethod> METHODS = List.of(PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH, PaymentMethod.CARD, PaymentMethod.ONLINE);
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    @Inject
    InvoiceService invoices;
    @Inject
    InvoiceLifecycle lifecycle;
    @Inject
    PaymentService payments;
    @Inject
    CreditNoteService creditNotes;

    /** What the test knows of the books from the use cases' own answers, not from the journal. */
    private static final class Expected {
        final AtomicLong revenue = new AtomicLong();
        final AtomicLong outputVat = new AtomicLong();
        final AtomicLong amountDue = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong withheld = new AtomicLong();
        final AtomicLong entries = new AtomicLong();
        final AtomicLong voids = new AtomicLong();
        final AtomicLong credits = new AtomicLong();
        final AtomicLong payments = new AtomicLong();
    }

    @Test
    void profitAndLossAgeingTaxSummaryAndCashFlowAgreeWithTheInvoicesAndTheTrialBalanceToTheKobo() throws Exception {
        int count = Integer.getInteger("reports.crosscheck.invoices", 300);
        long seed = Long.getLong("reports.crosscheck.seed", System.nanoTime());
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().onPlan("starter");
        Caller caller = new Caller(tenant.tenantId, tenant.userId, Caller.AuthMethod.JWT, null, false, Set.copyOf(InvoiceTestFixtures.ALL_SCOPES));
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(tenant.customer("Customer " + i + " Ltd", "4444444" + i + "-0001"));
        }
        Expected expected = new Expected();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Africa/Lagos"));

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Random random = new Random(seed * 31 + i);
                work.add(pool.submit(() -> {
                    oneInvoice(caller, customers, random, today, expected);
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        long driven = System.nanoTime();
        assertThat(expected.payments.get()).as("seed %d", seed).isPositive();
        assertThat(expected.credits.get()).as("seed %d", seed).isPositive();
        assertThat(expected.voids.get()).as("seed %d", seed).isPositive();

        Awaitility.await().atMost(Duration.ofSeconds(Math.max(120, count / 20))).pollInterval(Duration.ofSeconds(1))
                .until(() -> InvoiceTestFixtures.count("select count(*) from journal_entries where tenant_id = ? and not test_mode", tenant.tenantId)
                        == expected.entries.get());
        long posted = System.nanoTime();

        JournalBooks books = new JournalBooks(tenant);
        Map<String, Long> balance = books.trialBalance("");
        JsonPath profit = tenant.owner().get("/api/v1/reports/profit-loss").then().statusCode(200).extract().jsonPath();
        JsonPath ageing = tenant.owner().get("/api/v1/reports/receivables-ageing").then().statusCode(200).extract().jsonPath();
        JsonPath tax = tenant.owner().get("/api/v1/reports/tax-summary").then().statusCode(200).extract().jsonPath();
        JsonPath cash = tenant.owner().get("/api/v1/reports/cash-flow").then().statusCode(200).extract().jsonPath();

        String why = "seed " + seed;
        assertThat(profit.getLong("data.revenue_kobo")).as(why).isEqualTo(expected.revenue.get()).isEqualTo(-balance.getOrDefault("4000", 0L));
        assertThat(ageing.getLong("data.totals.total_kobo")).as(why).isEqualTo(expected.amountDue.get()).isEqualTo(balance.getOrDefault("1100", 0L))
                .isEqualTo(books.amountDue());
        assertThat(tax.getLong("data.output_vat_kobo")).as(why).isEqualTo(expected.outputVat.get())
                .isEqualTo(-balance.getOrDefault("2100", 0L) - balance.getOrDefault("2200", 0L));
        assertThat(tax.getLong("data.output_vat_due_kobo")).as(why).isEqualTo(-balance.getOrDefault("2200", 0L));
        assertThat(tax.getLong("data.net_payable_kobo")).as(why).isEqualTo(-balance.getOrDefault("2200", 0L) - balance.getOrDefault("1300", 0L));
        assertThat(tax.getLong("data.wht_suffered_kobo")).as(why).isEqualTo(expected.withheld.get()).isEqualTo(balance.getOrDefault("1200", 0L));
        assertThat(cash.getLong("data.total_inflows_kobo")).as(why).isEqualTo(expected.received.get())
                .isEqualTo(balance.getOrDefault("1000", 0L) + balance.getOrDefault("1010", 0L));
        System.out.printf("cross-check: %d invoices (%d payments, %d credit notes, %d voids) driven in %d ms, journal caught up %d ms later%n",
                count, expected.payments.get(), expected.credits.get(), expected.voids.get(), (driven - started) / 1_000_000, (posted - driven) / 1_000_000);
    }

    @Test
    void paymentsRacingForTheLastAmountDuePostOnceEachAndTheReportsStillAgree() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().onPlan("starter");
        JournalBooks books = new JournalBooks(tenant);
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(tenant.customer("Racing Payer Ltd", "66666666-0006")));
        // 376,250.00 due: eight payments of 188,125.00 at once, of which exactly two fit
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> tenant.owner().body("{\"amount\":\"188125.00\",\"method\":\"bank_transfer\"}")
                        .post("/api/v1/invoices/" + invoiceId + "/record-payment").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 422).filteredOn(status -> status == 201).hasSize(2);
        books.awaitEntries("payment", invoiceId, entries -> entries.size() == 2);
        Map<String, Long> balance = books.awaitDebtorsEqualAmountDue();
        assertThat(balance.get("1100")).isZero();
        assertThat(balance.get("1000")).isEqualTo(37_625_000L);
        assertThat(balance.get("2200")).isEqualTo(-2_625_000L);
        assertThat(books.entries("source=payment")).hasSize(2);
        tenant.owner().get("/api/v1/reports/receivables-ageing").then().statusCode(200).body("data.totals.total_kobo", equalTo(0));
        tenant.owner().get("/api/v1/reports/cash-flow").then().statusCode(200)
                .body("data.total_inflows_kobo", equalTo(37_625_000));
        tenant.owner().get("/api/v1/reports/tax-summary").then().statusCode(200)
                .body("data.output_vat_due_kobo", equalTo(2_625_000)).body("data.vat_provision_kobo", equalTo(0));
    }

    /** One invoice: created and finalized, then up to three random actions, keeping {@code expected} in step. */
    private void oneInvoice(Caller caller, List<UUID> customers, Random random, LocalDate today, Expected expected) {
        LocalDate issued = FIRST_DAY.plusDays(random.nextInt(300));
        List<NewInvoice.Line> lines = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            lines.add(new NewInvoice.Line("Item " + i, BigDecimal.valueOf(1 + random.nextInt(20)), Kobo.of(1 + random.nextInt(50_000_000)),
                    BigDecimal.ZERO, random.nextInt(4) == 0 ? ZERO_RATED : null, null, null));
        }
        Invoice draft = await(() -> invoices.create(caller, new NewInvoice(customers.get(random.nextInt(customers.size())), issued,
                issued.plusDays(30), "NGN", lines, null, null, null)));
        Invoice invoice = await(() -> invoices.finalizeInvoice(caller, draft.id));
        expected.entries.incrementAndGet();
        long net = invoice.subtotal.value();
        long vat = invoice.taxTotal.value();
        long due = invoice.amountDue.value();
        boolean touched = false;
        for (int step = 0; step < 3 && due > 0; step++) {
            int action = random.nextInt(10);
            if (action < 6) {
                long settled = random.nextInt(3) == 0 ? due : 1 + (long) (random.nextDouble() * due);
                long withheld = random.nextInt(4) == 0 ? (long) (random.nextDouble() * settled * 0.1) : 0;
                long dueNow = due;
                LocalDate paidOn = issued.plusDays(random.nextInt(60));
                var recorded = await(() -> payments.record(caller, invoice.id, new NewPayment(Kobo.of(settled - withheld),
                        METHODS.get(random.nextInt(METHODS.size())), paidOn.isAfter(today) ? today : paidOn, null, null, Kobo.of(withheld))));
                due = recorded.invoice().amountDue.value();
                assertThat(due).isEqualTo(dueNow - settled);
                expected.received.addAndGet(settled - withheld);
                expected.withheld.addAndGet(withheld);
                expected.payments.incrementAndGet();
                expected.entries.incrementAndGet();
                touched = true;
            } else if (action < 9) {
                long credit = 1 + (long) (random.nextDouble() * due);
                Invoice note = await(() -> creditNotes.issue(caller, invoice.id, new CreditRequest("Adjustment", Kobo.of(credit), null)));
                net -= note.subtotal.value();
                vat -= note.taxTotal.value();
                due = await(() -> invoices.get(caller, invoice.id)).amountDue.value();
                expected.credits.incrementAndGet();
                expected.entries.incrementAndGet();
                touched = true;
            } else if (!touched) {
                // voids of untouched invoices only: the whole net and VAT come off, so what remains is known without the journal
                await(() -> lifecycle.voidInvoice(caller, invoice.id));
                net = 0;
                vat = 0;
                due = 0;
                expected.voids.incrementAndGet();
                expected.entries.incrementAndGet();
            }
        }
        expected.revenue.addAndGet(net);
        expected.outputVat.addAndGet(vat);
        expected.amountDue.addAndGet(due);
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (ApiException e) {
            throw new AssertionError(e.code() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
