package ng.risiti.invoice.journal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.journal.JournalBooks;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class JournalResourceTests {

    /** 10 × 35,000.00 at 7.5 % VAT: net 350,000.00, VAT 26,250.00, total 376,250.00. */
    private static final long TOTAL = 37_625_000;
    private static final long NET = 35_000_000;
    private static final long VAT = 2_625_000;

    InvoiceTestFixtures tenant;
    JournalBooks books;
    UUID customerId;

    @BeforeEach
    void starterTenantWithCustomer() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        books = new JournalBooks(tenant);
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private String finalized() {
        return tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
    }

    private void pay(String invoiceId, String amount, String method) {
        tenant.owner().body("{\"amount\":\"" + amount + "\",\"method\":\"" + method + "\",\"paid_at\":\"2026-01-15\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201);
    }

    @Test
    void finalizingAnInvoicePostsTradeDebtorsAgainstRevenueAndVatProvisionOnItsIssueDate() {
        String invoiceId = finalized();

        Map<String, Object> entry = books.awaitEntry("invoice_finalized", invoiceId);
        assertThat(JournalBooks.lines(entry)).containsExactlyInAnyOrderEntriesOf(Map.of("1100", TOTAL, "4000", -NET, "2100", -VAT));
        assertThat(entry.get("date")).isEqualTo("2025-03-24");
        assertThat(entry.get("source_id")).isEqualTo(invoiceId);
        assertThat(entry.get("total_debit")).isEqualTo("376250.00");
        assertThat(entry.get("total_credit_kobo")).isEqualTo((int) TOTAL);
        assertThat((String) entry.get("memo")).contains("INV-");

        tenant.owner().get("/api/v1/journal/" + entry.get("id")).then().statusCode(200)
                .body("data.id", equalTo(entry.get("id")))
                .body("data.source_type", equalTo("invoice_finalized"))
                .body("data.lines", hasSize(3))
                .body("data.lines.find { it.account_code == '1100' }.account_name", equalTo("Trade Debtors"))
                .body("data.lines.find { it.account_code == '1100' }.debit", equalTo("376250.00"))
                .body("data.lines.find { it.account_code == '2100' }.credit", equalTo("26250.00"));
        assertThat(books.trialBalance("")).containsEntry("1100", TOTAL).containsEntry("4000", -NET).containsEntry("2100", -VAT);
    }

    @Test
    void paymentsMoveThePaidShareOfVatToPayableAndAFullyPaidInvoiceMovesExactlyItsVat() {
        String invoiceId = finalized();
        books.awaitEntry("invoice_finalized", invoiceId);

        pay(invoiceId, "100000.00", "bank_transfer");
        Map<String, Object> first = books.awaitEntry("payment", invoiceId);
        // 26,250.00 × 100,000.00 / 376,250.00 = 6,976.744… → 6,976.74, half-up to the kobo
        assertThat(JournalBooks.lines(first)).containsExactlyInAnyOrderEntriesOf(Map.of("1000", 10_000_000L, "1100", -10_000_000L,
                "2100", 697_674L, "2200", -697_674L));
        assertThat(first.get("date")).isEqualTo("2026-01-15");

        pay(invoiceId, "276250.00", "cash");
        List<Map<String, Object>> payments = books.awaitEntries("payment", invoiceId, entries -> entries.size() == 2);
        assertThat(JournalBooks.lines(payments.getFirst())).containsExactlyInAnyOrderEntriesOf(Map.of("1010", 27_625_000L, "1100", -27_625_000L,
                "2100", VAT - 697_674L, "2200", -(VAT - 697_674L)));

        Map<String, Long> balance = books.trialBalance("");
        assertThat(balance).containsEntry("1100", 0L).containsEntry("2100", 0L).containsEntry("2200", -VAT).containsEntry("4000", -NET)
                .containsEntry("1000", 10_000_000L).containsEntry("1010", 27_625_000L);
        // as of a day before the payments: only the sale
        assertThat(books.trialBalance("?as_of=2025-12-31")).containsEntry("1100", TOTAL).doesNotContainKey("1000");
    }

    @Test
    void whatThePayerWithheldAsWhtSettlesTheInvoiceAndIsReceivableNotInTheBank() {
        String invoiceId = finalized();
        // 5 % WHT on the 350,000.00 net: the customer pays 358,750.00 and withholds 17,500.00
        tenant.owner().body("{\"amount\":\"358750.00\",\"wht_withheld\":\"17500.00\",\"method\":\"bank_transfer\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201)
                .body("data.status", equalTo("paid")).body("data.amount_due", equalTo("0.00")).body("data.amount_paid", equalTo("358750.00"))
                .body("data.payment.amount", equalTo("358750.00")).body("data.payment.wht_withheld", equalTo("17500.00"))
                .body("data.payment.wht_withheld_kobo", equalTo(1_750_000));

        Map<String, Object> entry = books.awaitEntry("payment", invoiceId);
        assertThat(JournalBooks.lines(entry)).containsExactlyInAnyOrderEntriesOf(Map.of("1000", 35_875_000L, "1200", 1_750_000L,
                "1100", -TOTAL, "2100", VAT, "2200", -VAT));
        tenant.owner().get("/api/v1/payments?invoice_id=" + invoiceId).then().statusCode(200).body("data[0].wht_withheld", equalTo("17500.00"));
    }

    @Test
    void withheldWhtIsPartOfWhatAPaymentSettlesAndNeverNegative() {
        String invoiceId = finalized();
        tenant.owner().body("{\"amount\":\"376250.00\",\"wht_withheld\":\"0.01\",\"method\":\"cash\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
        tenant.owner().body("{\"amount\":\"1.00\",\"wht_withheld\":\"-1\",\"method\":\"cash\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("wht_withheld"));
        tenant.owner().body("{\"amount\":\"1.00\",\"wht_withheld\":\"0.001\",\"method\":\"cash\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(400)
                .body("error.details[0].field", equalTo("wht_withheld"));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.amount_due", equalTo("376250.00"));
    }

    @Test
    void aVoidReversesWhatRemainedOpenAndLeavesThePaidPartEarned() {
        String invoiceId = finalized();
        pay(invoiceId, "100000.00", "bank_transfer");
        books.awaitEntry("payment", invoiceId);

        tenant.owner().post("/api/v1/invoices/" + invoiceId + "/void").then().statusCode(200);
        Map<String, Object> entry = books.awaitEntry("void", invoiceId);
        long open = TOTAL - 10_000_000;
        long provision = VAT - 697_674;
        assertThat(JournalBooks.lines(entry)).containsExactlyInAnyOrderEntriesOf(Map.of("1100", -open, "2100", provision, "4000", open - provision));

        Map<String, Long> balance = books.trialBalance("");
        assertThat(balance).containsEntry("1100", 0L).containsEntry("2100", 0L).containsEntry("2200", -697_674L)
                .containsEntry("4000", -(10_000_000L - 697_674L));
    }

    @Test
    void aCreditNoteComesOffTheDebtorsWhileDueAndBecomesTheCustomersCreditOnceTheInvoiceWasPaid() {
        String unpaid = finalized();
        tenant.owner().body("{\"reason\":\"Goodwill\",\"amount\":\"107500.00\"}").post("/api/v1/invoices/" + unpaid + "/credit-note")
                .then().statusCode(201).body("data.tax_total", equalTo("7500.00"));
        Map<String, Object> againstDebtors = books.awaitEntry("credit_note", unpaid);
        assertThat(JournalBooks.lines(againstDebtors)).containsExactlyInAnyOrderEntriesOf(Map.of("4000", 10_000_000L, "2100", 750_000L,
                "1100", -10_750_000L));

        String paid = finalized();
        pay(paid, "376250.00", "card");
        tenant.owner().body("{\"reason\":\"Returned\",\"amount\":\"107500.00\"}").post("/api/v1/invoices/" + paid + "/credit-note")
                .then().statusCode(201);
        Map<String, Object> toCredit = books.awaitEntry("credit_note", paid);
        assertThat(JournalBooks.lines(toCredit)).containsExactlyInAnyOrderEntriesOf(Map.of("4000", 10_000_000L, "2200", 750_000L,
                "2300", -10_750_000L));

        Map<String, Long> balance = books.awaitDebtorsEqualAmountDue();
        assertThat(balance).containsEntry("2300", -10_750_000L).containsEntry("1100", TOTAL - 10_750_000L);
    }

    @Test
    void theSameEventTwiceOrUnderAnotherIdPostsOneEntry() {
        UUID invoiceId = UUID.randomUUID();
        String snapshot = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2026-900","status":"finalized","currency":"NGN",
                 "issue_date":"2026-02-01","due_date":"2026-03-01","subtotal":"1000.00","subtotal_kobo":100000,"tax_total":"75.00",
                 "tax_total_kobo":7500,"total_amount":"1075.00","total_amount_kobo":107500,"amount_due":"1075.00","amount_due_kobo":107500,
                 "test_mode":false,"type":"invoice","credited":"0.00","credited_kobo":0,"customer_credit_kobo":0,"wht_amount":"0.00","wht_amount_kobo":0}"""
                .formatted(invoiceId, tenant.tenantId);
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), eventId, "invoice.finalized", tenant.tenantId, snapshot);
        TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), eventId, "invoice.finalized", tenant.tenantId, snapshot);
        TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), "invoice.finalized", tenant.tenantId, snapshot);
        // a later event on the same key (so the same partition, behind them) shows the three were applied before it
        TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), "invoice.voided", tenant.tenantId,
                snapshot.replace("\"status\":\"finalized\"", "\"status\":\"cancelled\"").replace("\"amount_due_kobo\":107500", "\"amount_due_kobo\":0"));
        books.awaitEntry("void", invoiceId.toString());

        assertThat(books.entries("source=invoice_finalized").stream().filter(entry -> invoiceId.toString().equals(entry.get("invoice_id"))))
                .hasSize(1);
        assertThat(JournalBooks.lines(books.awaitEntry("void", invoiceId.toString()))).containsExactlyInAnyOrderEntriesOf(Map.of("1100", -107_500L,
                "2100", 7_500L, "4000", 100_000L));
    }

    @Test
    void anEventThatCanNeverBePostedIsDeadLetteredAndTheJournalMovesOn() {
        UUID invoiceId = UUID.randomUUID();
        String snapshot = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2026-901","status":"partial","currency":"NGN",
                 "issue_date":"2026-02-01","due_date":"2026-03-01","subtotal_kobo":100000,"tax_total_kobo":7500,"total_amount_kobo":107500,
                 "amount_due_kobo":7500,"test_mode":false,"type":"invoice","credited_kobo":0,"customer_credit_kobo":0,"wht_amount_kobo":0,
                 "amount_kobo":100000,"payment_method":"30","payment_date":"2026-02-02"}""".formatted(invoiceId, tenant.tenantId);
        // no payment_id: a payment the journal can never name
        String bad = TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), "payment.received", tenant.tenantId, snapshot);
        TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), "invoice.finalized", tenant.tenantId,
                snapshot.replace("\"status\":\"partial\"", "\"status\":\"finalized\"").replace("\"amount_due_kobo\":7500", "\"amount_due_kobo\":107500"));

        books.awaitEntry("invoice_finalized", invoiceId.toString());
        // the dead letter reaches Kafka before the event behind it is applied, so its topic exists by now
        KafkaTopicReader deadLetters = KafkaTopicReader.fromBeginning("risiti.invoices.v1.dlq.invoice-service.journal");
        deadLetters.first("payment.received", record -> bad.equals(KafkaTopicReader.header(record, "ce_id")), Duration.ofSeconds(30));
        deadLetters.close();
        assertThat(books.entries("source=payment")).isEmpty();
    }

    @Test
    void testModeBooksAreASeparateWorld() {
        UUID testCustomer = tenant.customer("Sandbox Buyer", "98765432-0002", true);
        String invoiceId = tenant.testKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        tenant.testKey().post("/api/v1/invoices/" + invoiceId + "/finalize").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tenant.testKey().get("/api/v1/journal?source=invoice_finalized").then()
                .statusCode(200).extract().jsonPath().getList("data.invoice_id").contains(invoiceId));
        tenant.testKey().get("/api/v1/reports/trial-balance").then().statusCode(200)
                .body("data.accounts.find { it.code == '1100' }.balance_kobo", equalTo((int) TOTAL));
        assertThat(books.entries("")).isEmpty();
        assertThat(books.trialBalance("")).isEmpty();
    }

    @Test
    void theDatabaseRefusesAnUnbalancedEntryAndAnyChangeToAPostedOne() throws SQLException {
        String invoiceId = finalized();
        String entryId = (String) books.awaitEntry("invoice_finalized", invoiceId).get("id");
        try (Connection connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("invoice"))) {
            connection.setAutoCommit(false);
            UUID id = UUID.randomUUID();
            try (var statement = connection.createStatement()) {
                statement.execute("insert into journal_entries (id, tenant_id, test_mode, entry_date, source_type, source_id, memo, created_at)"
                        + " values ('" + id + "', '" + tenant.tenantId + "', false, current_date, 'expense', '" + UUID.randomUUID() + "', 'lopsided', now())");
                statement.execute("insert into journal_lines (entry_id, position, account_code, debit_kobo, credit_kobo) values ('" + id + "', 0, '1000', 100, 0)");
                statement.execute("insert into journal_lines (entry_id, position, account_code, debit_kobo, credit_kobo) values ('" + id + "', 1, '4000', 0, 99)");
            }
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("does not balance");
            connection.rollback();

            try (var statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("update journal_lines set debit_kobo = debit_kobo + 1 where entry_id = '" + entryId + "'"))
                        .hasMessageContaining("append-only");
            }
            connection.rollback();
            try (var statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("delete from journal_entries where id = '" + entryId + "'")).hasMessageContaining("append-only");
            }
            connection.rollback();
        }
        tenant.owner().get("/api/v1/journal/" + entryId).then().statusCode(200).body("data.total_debit_kobo", equalTo((int) TOTAL));
    }

    @Test
    void paymentsInParallelKeepTheTrialBalanceAtZeroAndDebtorsEqualToWhatIsDue() throws Exception {
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            invoices.add(finalized());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String invoiceId : invoices) {
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> tenant.owner().body("{\"amount\":\"50000.01\",\"method\":\"bank_transfer\"}")
                            .post("/api/v1/invoices/" + invoiceId + "/record-payment").statusCode());
                }
            }
            for (Future<Integer> answer : pool.invokeAll(calls)) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> books.entries("source=payment").size() == 16);
        Map<String, Long> balance = books.awaitDebtorsEqualAmountDue();
        assertThat(balance.get("1100")).isEqualTo(4 * (TOTAL - 4 * 5_000_001L));
        assertThat(balance.get("1000")).isEqualTo(16 * 5_000_001L);
        assertThat(balance.get("2100") + balance.get("2200")).isEqualTo(-4 * VAT);
    }

    @Test
    void theListFiltersByDateAndSourceAndPagesWithACursor() {
        String first = finalized();
        pay(first, "1000.00", "cash");
        books.awaitEntry("payment", first);

        assertThat(books.entries("source=payment")).extracting(entry -> entry.get("source_type")).containsOnly("payment").hasSize(1);
        assertThat(books.entries("from=2026-01-15&to=2026-01-15")).extracting(entry -> entry.get("source_type")).containsExactly("payment");
        assertThat(books.entries("to=2025-03-24")).extracting(entry -> entry.get("source_type")).containsExactly("invoice_finalized");
        assertThat(books.entries("from=2026-01-16")).isEmpty();

        var page = tenant.owner().get("/api/v1/journal?limit=1").then().statusCode(200)
                .body("data", hasSize(1)).body("has_more", equalTo(true)).body("data[0].source_type", equalTo("payment")).extract();
        tenant.owner().get("/api/v1/journal?limit=1&cursor=" + page.path("next_cursor")).then().statusCode(200)
                .body("data", hasSize(1)).body("has_more", equalTo(false)).body("data[0].source_type", equalTo("invoice_finalized"));
    }

    @Test
    void badParametersAreValidationErrorsNamingTheParameter() {
        for (String[] bad : new String[][] {{"from=yesterday", "from"}, {"to=2026-13-01", "to"}, {"from=2026-02-02&to=2026-02-01", "to"},
                {"source=invoice", "source"}, {"limit=0", "limit"}, {"limit=101", "limit"}, {"cursor=forged", "cursor"}}) {
            tenant.owner().get("/api/v1/journal?" + bad[0]).then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo(bad[1]));
        }
        tenant.owner().get("/api/v1/reports/trial-balance?as_of=31-12-2026").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("as_of"));
    }

    @Test
    void anotherTenantsEntryAnUnknownIdAndAMalformedOneAreNotFound() {
        String invoiceId = finalized();
        String entryId = (String) books.awaitEntry("invoice_finalized", invoiceId).get("id");
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();

        stranger.owner().get("/api/v1/journal/" + entryId).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.testKey().get("/api/v1/journal/" + entryId).then().statusCode(404);
        tenant.owner().get("/api/v1/journal/" + UUID.randomUUID()).then().statusCode(404);
        tenant.owner().get("/api/v1/journal/not-an-id").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.owner().get("/api/v1/journal").then().statusCode(200).body("data", hasSize(0));
        stranger.owner().get("/api/v1/reports/trial-balance").then().statusCode(200).body("data.accounts", hasSize(0))
                .body("data.totals.balance", equalTo("0.00"));
    }

    @Test
    void theBooksNeedReportsReadWhichMembersDoNotHold() {
        String invoiceId = finalized();
        String entryId = (String) books.awaitEntry("invoice_finalized", invoiceId).get("id");
        for (String role : List.of("owner", "admin", "accountant", "readonly")) {
            tenant.as(role).get("/api/v1/journal").then().statusCode(200);
            tenant.as(role).get("/api/v1/journal/" + entryId).then().statusCode(200);
            tenant.as(role).get("/api/v1/reports/trial-balance").then().statusCode(200);
        }
        tenant.as("member").get("/api/v1/journal").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        tenant.as("member").get("/api/v1/journal/" + entryId).then().statusCode(403);
        tenant.as("member").get("/api/v1/reports/trial-balance").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/journal").then().statusCode(401);
        io.restassured.RestAssured.given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read")))
                .get("/api/v1/reports/trial-balance").then().statusCode(403);
        tenant.owner().post("/api/v1/journal").then().statusCode(405);
    }
}
