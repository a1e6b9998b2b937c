package ng.risiti.invoice.expenses.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class ExpenseResourceTests {

    private static final String DIESEL = """
            {"date":"2026-02-10","supplier":"Total Energies Ikeja","category":"transport","amount":"40000.00","vat_amount":3000,
             "payment_method":"bank_transfer","reference":"TRF-0042","notes":"Generator diesel"}""";

    InvoiceTestFixtures tenant;
    JournalBooks books;

    @BeforeEach
    void tenant() {
        tenant = new InvoiceTestFixtures();
        books = new JournalBooks(tenant);
    }

    private String create(String body) {
        return tenant.owner().body(body).post("/api/v1/expenses").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void anExpenseIsRecordedAndPostsItsExpenseAndInputVatAgainstTheBankAtOnce() {
        var created = tenant.owner().body(DIESEL).post("/api/v1/expenses").then().statusCode(201)
                .body("data.date", equalTo("2026-02-10"))
                .body("data.supplier", equalTo("Total Energies Ikeja"))
                .body("data.category", equalTo("transport"))
                .body("data.amount", equalTo("40000.00")).body("data.amount_kobo", equalTo(4_000_000))
                .body("data.vat_amount", equalTo("3000.00")).body("data.vat_amount_kobo", equalTo(300_000))
                .body("data.total", equalTo("43000.00")).body("data.total_kobo", equalTo(4_300_000))
                .body("data.payment_method", equalTo("bank_transfer")).body("data.payment_means_code", equalTo("30"))
                .body("data.reference", equalTo("TRF-0042")).body("data.notes", equalTo("Generator diesel"))
                .body("data.journal_entry_id", notNullValue()).extract();
        String id = created.path("data.id");

        tenant.owner().get("/api/v1/journal/" + created.path("data.journal_entry_id")).then().statusCode(200)
                .body("data.source_type", equalTo("expense")).body("data.expense_id", equalTo(id)).body("data.date", equalTo("2026-02-10"));
        assertThat(books.trialBalance("")).containsExactlyInAnyOrderEntriesOf(Map.of("6030", 4_000_000L, "1300", 300_000L, "1000", -4_300_000L));
        tenant.owner().get("/api/v1/expenses/" + id).then().statusCode(200).body("data.total", equalTo("43000.00"));
    }

    @Test
    void aCashExpenseWithoutDateOrVatComesOutOfTheTillToday() {
        var created = tenant.owner().body("{\"supplier\":\"Mama Put\",\"category\":\"other\",\"amount\":1500.5,\"payment_method\":\"10\"}")
                .post("/api/v1/expenses").then().statusCode(201).body("data.vat_amount", equalTo("0.00")).body("data.payment_method", equalTo("cash"))
                .extract();
        assertThat((String) created.path("data.date")).isNotBlank();
        assertThat(books.trialBalance("")).containsExactlyInAnyOrderEntriesOf(Map.of("6090", 150_050L, "1010", -150_050L));
    }

    @Test
    void changingWhatAnExpensePostsReversesItsEntryAndPostsANewOneWhileNotesChangeNothing() {
        String id = create(DIESEL);
        String first = tenant.owner().get("/api/v1/expenses/" + id).then().extract().path("data.journal_entry_id");

        tenant.owner().body("{\"notes\":null,\"reference\":\"TRF-0043\"}").patch("/api/v1/expenses/" + id).then().statusCode(200)
                .body("data.notes", equalTo(null)).body("data.reference", equalTo("TRF-0043")).body("data.journal_entry_id", equalTo(first));
        assertThat(books.entries("source=expense")).hasSize(1);

        String second = tenant.owner().body("{\"amount\":\"50000\",\"category\":\"supplies\",\"payment_method\":\"cash\"}")
                .patch("/api/v1/expenses/" + id).then().statusCode(200)
                .body("data.amount", equalTo("50000.00")).body("data.category", equalTo("supplies")).body("data.total", equalTo("53000.00"))
                .extract().path("data.journal_entry_id");
        assertThat(second).isNotEqualTo(first);

        List<Map<String, Object>> entries = books.entries("source=expense");
        assertThat(entries).hasSize(3);
        Map<String, Object> reversal = entries.stream().filter(entry -> first.equals(entry.get("reverses_entry_id"))).findFirst().orElseThrow();
        assertThat(JournalBooks.lines(reversal)).containsExactlyInAnyOrderEntriesOf(Map.of("6030", -4_000_000L, "1300", -300_000L, "1000", 4_300_000L));
        assertThat(books.trialBalance("")).containsEntry("6030", 0L).containsEntry("1000", 0L).containsEntry("6040", 5_000_000L)
                .containsEntry("1300", 300_000L).containsEntry("1010", -5_300_000L);
    }

    @Test
    void deletingAnExpenseReversesItsEntryAndItIsGoneFromTheList() {
        String id = create(DIESEL);
        tenant.owner().delete("/api/v1/expenses/" + id).then().statusCode(200).body("data.message", equalTo("Expense deleted."));

        tenant.owner().get("/api/v1/expenses/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().delete("/api/v1/expenses/" + id).then().statusCode(404);
        tenant.owner().get("/api/v1/expenses").then().statusCode(200).body("data", hasSize(0));
        assertThat(books.entries("source=expense")).hasSize(2);
        assertThat(books.trialBalance("")).containsEntry("6030", 0L).containsEntry("1300", 0L).containsEntry("1000", 0L);
    }

    @Test
    void theSameChangeTwiceAtOnceReversesTheEntryOnce() throws Exception {
        String id = create(DIESEL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> tenant.owner().delete("/api/v1/expenses/" + id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 404);
        } finally {
            pool.shutdown();
        }
        assertThat(books.entries("source=expense")).hasSize(2);
        assertThat(books.trialBalance("")).containsEntry("1000", 0L);
    }

    @Test
    void aRepeatedIdempotencyKeyRecordsTheExpenseOnce() {
        String key = UUID.randomUUID().toString();
        String first = tenant.owner().header("Idempotency-Key", key).body(DIESEL).post("/api/v1/expenses").then().statusCode(201).extract().path("data.id");
        tenant.owner().header("Idempotency-Key", key).body(DIESEL).post("/api/v1/expenses").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", equalTo(first));
        assertThat(books.entries("source=expense")).hasSize(1);
    }

    @Test
    void badFieldsAreValidationErrorsNamingEachField() {
        tenant.owner().body("{}").post("/api/v1/expenses").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", hasItems("supplier", "category", "amount"));
        tenant.owner().body("""
                {"date":"2999-01-01","supplier":"","category":"yachts","amount":"-1","vat_amount":"1.001","payment_method":"barter",
                 "reference":"%s","notes":7}""".formatted("R".repeat(101))).post("/api/v1/expenses").then().statusCode(400)
                .body("error.details.field", hasItems("date", "supplier", "category", "amount", "vat_amount", "payment_method", "reference", "notes"));
        tenant.owner().body("{\"supplier\":\"X\",\"category\":\"rent\",\"amount\":\"12.345\"}").post("/api/v1/expenses").then().statusCode(400)
                .body("error.details[0].field", equalTo("amount"));
        tenant.owner().body("[1]").post("/api/v1/expenses").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));

        String id = create(DIESEL);
        tenant.owner().body("{\"amount\":null,\"date\":\"01/02/2026\"}").patch("/api/v1/expenses/" + id).then().statusCode(400)
                .body("error.details.field", hasItems("amount", "date"));
        for (String bad : List.of("from=soon", "to=2026-02-30", "category=yachts", "limit=0", "cursor=forged")) {
            tenant.owner().get("/api/v1/expenses?" + bad).then().statusCode(400).body("error.details[0].field", equalTo(bad.substring(0, bad.indexOf('='))));
        }
    }

    @Test
    void theListFiltersByDateAndCategoryNewestFirst() {
        create(DIESEL);
        create(DIESEL.replace("2026-02-10", "2026-01-05").replace("transport", "rent"));
        tenant.owner().get("/api/v1/expenses").then().statusCode(200).body("data", hasSize(2)).body("data[0].category", equalTo("rent"));
        tenant.owner().get("/api/v1/expenses?category=rent").then().body("data", hasSize(1)).body("data[0].date", equalTo("2026-01-05"));
        tenant.owner().get("/api/v1/expenses?from=2026-02-01&to=2026-02-28").then().body("data", hasSize(1)).body("data[0].category", equalTo("transport"));
        tenant.owner().get("/api/v1/expenses?limit=1").then().body("data", hasSize(1)).body("has_more", equalTo(true));
    }

    @Test
    void anotherTenantsOrWorldsExpenseIsNotFound() {
        String id = create(DIESEL);
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        stranger.owner().get("/api/v1/expenses/" + id).then().statusCode(404);
        stranger.owner().body("{\"amount\":1}").patch("/api/v1/expenses/" + id).then().statusCode(404);
        stranger.owner().delete("/api/v1/expenses/" + id).then().statusCode(404);
        tenant.testKey().get("/api/v1/expenses/" + id).then().statusCode(404);
        tenant.owner().get("/api/v1/expenses/nope").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().get("/api/v1/expenses/" + id).then().statusCode(200);
    }

    @Test
    void writesNeedPaymentsWriteAndReadsReportsRead() {
        String id = create(DIESEL);
        for (String role : List.of("admin", "accountant")) {
            tenant.as(role).body(DIESEL).post("/api/v1/expenses").then().statusCode(201);
            tenant.as(role).body("{\"notes\":\"checked\"}").patch("/api/v1/expenses/" + id).then().statusCode(200);
        }
        for (String role : List.of("member", "readonly")) {
            tenant.as(role).body(DIESEL).post("/api/v1/expenses").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
            tenant.as(role).body("{\"notes\":\"x\"}").patch("/api/v1/expenses/" + id).then().statusCode(403);
            tenant.as(role).delete("/api/v1/expenses/" + id).then().statusCode(403);
        }
        tenant.as("readonly").get("/api/v1/expenses").then().statusCode(200);
        tenant.as("readonly").get("/api/v1/expenses/" + id).then().statusCode(200);
        tenant.as("member").get("/api/v1/expenses").then().statusCode(403);
        tenant.as("member").get("/api/v1/expenses/" + id).then().statusCode(403);
        io.restassured.RestAssured.given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:write", "reports:read")))
                .contentType("application/json").body(DIESEL).post("/api/v1/expenses").then().statusCode(403);
    }
}
