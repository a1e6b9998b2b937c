package ng.risiti.invoice.invoices.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceListFilterTests {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Africa/Lagos"));

    InvoiceTestFixtures tenant;
    UUID konga;
    UUID techVentures;

    @BeforeEach
    void tenantWithTwoCustomers() {
        tenant = new InvoiceTestFixtures();
        konga = tenant.customer("Konga Online Ltd", "98765432-0001");
        techVentures = tenant.customer("TechVentures Nigeria Ltd", "98765432-0002");
    }

    private String draft(UUID customer, LocalDate issued, LocalDate due, String number) {
        return draft(tenant.owner(), customer, issued, due, number);
    }

    private static String draft(RequestSpecification as, UUID customer, LocalDate issued, LocalDate due, String number) {
        return as.body("""
                {"customer_id":"%s","issue_date":"%s","due_date":"%s"%s,
                 "line_items":[{"description":"Consulting","quantity":2,"unit_price":50000}]}"""
                .formatted(customer, issued, due, number == null ? "" : ",\"invoice_number\":\"" + number + "\""))
                .post("/api/v1/invoices").then().statusCode(201).extract().path("data.id");
    }

    private String finalized(UUID customer, LocalDate issued, LocalDate due) {
        String id = draft(customer, issued, due, null);
        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        return id;
    }

    private Response list(Map<String, ?> filters) {
        return tenant.owner().queryParams(filters).get("/api/v1/invoices");
    }

    private List<String> ids(Map<String, ?> filters) {
        return list(filters).then().statusCode(200).extract().path("data.id");
    }

    @Test
    void aStatusShowsOnlyItsInvoicesAndOverdueIsOpenPastDueAndUnpaid() {
        LocalDate longAgo = TODAY.minusDays(60);
        String draft = draft(konga, longAgo, TODAY.minusDays(30), null);
        String finalizedPastDue = finalized(konga, longAgo, TODAY.minusDays(30));
        String finalizedNotDue = finalized(techVentures, TODAY.minusDays(5), TODAY.plusDays(25));
        String partialPastDue = finalized(techVentures, longAgo, TODAY.minusDays(1));
        InvoiceStates.set(partialPastDue, "PARTIAL", 5_000_000);
        String paidPastDue = finalized(konga, longAgo, TODAY.minusDays(30));
        InvoiceStates.set(paidPastDue, "PAID", 0);
        String sentDueToday = finalized(konga, TODAY.minusDays(30), TODAY);
        InvoiceStates.set(sentDueToday, "SENT", 10_750_000);
        String refusedByNrs = finalized(konga, longAgo, TODAY.minusDays(30));
        InvoiceStates.set(refusedByNrs, "FIRS_SUBMISSION_FAILED", 10_750_000);

        assertThat(ids(Map.of())).containsExactly(refusedByNrs, sentDueToday, paidPastDue, partialPastDue, finalizedNotDue, finalizedPastDue, draft);
        assertThat(ids(Map.of("status", "draft"))).containsExactly(draft);
        assertThat(ids(Map.of("status", "finalized"))).containsExactly(finalizedNotDue, finalizedPastDue);
        assertThat(ids(Map.of("status", "overdue"))).containsExactly(partialPastDue, finalizedPastDue);
        assertThat(ids(Map.of("status", "PAID"))).containsExactly(paidPastDue);
        assertThat(ids(Map.of("status", "sent"))).containsExactly(sentDueToday);
        assertThat(ids(Map.of("status", "partial"))).containsExactly(partialPastDue);
        assertThat(ids(Map.of("status", "firs_submission_failed"))).containsExactly(refusedByNrs);
        assertThat(ids(Map.of("status", "cancelled"))).isEmpty();
        list(Map.of("status", "overdue")).then().body("data.status", contains("partial", "finalized"))
                .body("data.amount_due", contains("50000.00", "107500.00"));

        list(Map.of("status", "bogus")).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("status"))
                .body("error.details[0].message",
                        equalTo("status must be one of draft, finalized, sent, partial, paid, cancelled, firs_submission_failed or overdue"));
    }

    @Test
    void customerIssueDateTextAndTypeFiltersCombine() {
        tenant.onPlan("starter"); // credit notes need it
        String acme = draft(konga, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 9), "acme-0001");
        String february = draft(techVentures, LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 17), null);
        String march = draft(konga, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 19), null);
        String december = draft(techVentures, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 30), null);

        assertThat(ids(Map.of("customer_id", konga))).containsExactly(march, acme);
        assertThat(ids(Map.of("from", "2026-01-10", "to", "2026-02-15"))).containsExactly(february, acme);
        assertThat(ids(Map.of("from", "2026-02-16"))).containsExactly(march);
        assertThat(ids(Map.of("to", "2025-12-31"))).containsExactly(december);
        assertThat(ids(Map.of("q", "ACME-000"))).containsExactly(acme);
        assertThat(ids(Map.of("q", "inv-2026"))).containsExactly(march, february);
        assertThat(ids(Map.of("q", "konga"))).containsExactly(march, acme);
        assertThat(ids(Map.of("q", "VENTURES nig"))).containsExactly(december, february);
        assertThat(ids(Map.of("q", "0001"))).as("a number matches from its beginning").isEmpty();
        assertThat(ids(Map.of("q", "%"))).as("% is a character, not a wildcard").isEmpty();
        assertThat(ids(Map.of("q", "konga", "from", "2026-02-01"))).containsExactly(march);
        assertThat(ids(Map.of("customer_id", techVentures, "q", "inv-2025"))).containsExactly(december);
        assertThat(ids(Map.of("customer_id", UUID.randomUUID()))).isEmpty();

        tenant.owner().post("/api/v1/invoices/" + february + "/finalize").then().statusCode(200);
        String creditNote = tenant.owner().body("{\"reason\":\"Discount agreed\",\"amount\":1000}").post("/api/v1/invoices/" + february + "/credit-note")
                .then().statusCode(201).extract().path("data.id");
        assertThat(ids(Map.of("type", "credit_note"))).containsExactly(creditNote);
        assertThat(ids(Map.of("type", "invoice"))).containsExactly(december, march, february, acme);
        assertThat(ids(Map.of("type", "credit_note", "customer_id", techVentures, "status", "finalized"))).containsExactly(creditNote);
        list(Map.of("type", "credit_note")).then().body("data[0].original_invoice_id", equalTo(february));
    }

    @Test
    void aBadFilterIsRefusedNamingItsParameterNeverIgnored() {
        draft(konga, TODAY, TODAY, null);
        list(Map.of("customer_id", "123")).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("customer_id")).body("error.details[0].message", equalTo("customer_id must be a UUID"));
        list(Map.of("from", "2026-13-01")).then().statusCode(400).body("error.details[0].field", equalTo("from"))
                .body("error.details[0].message", equalTo("from must be a date such as 2026-04-01"));
        list(Map.of("to", "yesterday")).then().statusCode(400).body("error.details[0].field", equalTo("to"));
        list(Map.of("from", "2026-03-01", "to", "2026-02-28")).then().statusCode(400).body("error.details[0].field", equalTo("to"))
                .body("error.details[0].message", equalTo("to must be on or after from"));
        list(Map.of("type", "receipt")).then().statusCode(400).body("error.details[0].field", equalTo("type"));
        list(Map.of("q", "x".repeat(101))).then().statusCode(400).body("error.details[0].field", equalTo("q"));
        list(Map.of("status", "late", "customer_id", "konga", "from", "01/03/2026", "type", "bill")).then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("status", "customer_id", "from", "type"));
        // an empty value filters nothing
        list(Map.of("status", "", "q", " ")).then().statusCode(200).body("data", hasSize(1));
    }

    @Test
    void theCursorPagesThroughAFilteredListAndStaysValidWithTheSameFilters() {
        List<String> kongas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            kongas.add(0, draft(konga, TODAY.minusDays(i), TODAY, null));
            draft(techVentures, TODAY.minusDays(i), TODAY, null);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = tenant.owner().queryParam("customer_id", konga).queryParam("limit", 2);
            Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/api/v1/invoices");
            page.then().statusCode(200);
            seen.addAll(page.<List<String>>path("data.id"));
            cursor = page.path("next_cursor");
            pages++;
            assertThat(page.<Boolean>path("has_more")).isEqualTo(cursor != null);
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(kongas);
        assertThat(pages).isEqualTo(3);

        // the same filters with a text and a date on top: still only the matching ones, each once
        Response first = tenant.owner().queryParam("q", "konga").queryParam("from", TODAY.minusDays(3).toString()).queryParam("limit", 3)
                .get("/api/v1/invoices");
        first.then().statusCode(200).body("has_more", equalTo(true));
        tenant.owner().queryParam("q", "konga").queryParam("from", TODAY.minusDays(3).toString()).queryParam("limit", 3)
                .queryParam("cursor", first.<String>path("next_cursor")).get("/api/v1/invoices").then().statusCode(200)
                .body("data.id", contains(kongas.get(4))).body("has_more", equalTo(false));
        assertThat(first.<List<String>>path("data.id")).containsExactlyElementsOf(kongas.subList(1, 4));
    }

    @Test
    void filtersNeverReachAnotherBusinessOrTheOtherWorld() {
        String own = draft(konga, TODAY, TODAY, null);
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        UUID strangersKonga = stranger.customer("Konga Online Ltd", "98765432-0001");
        String strangers = draft(stranger.owner(), strangersKonga, TODAY, TODAY, null);
        UUID testCustomer = tenant.customer("Konga Online Ltd", "98765432-0001", true);
        String testWorld = draft(tenant.testKey(), testCustomer, TODAY, TODAY, null);

        assertThat(ids(Map.of("q", "konga"))).containsExactly(own);
        assertThat(ids(Map.of("status", "draft"))).containsExactly(own);
        assertThat(ids(Map.of("customer_id", strangersKonga))).isEmpty();
        stranger.owner().queryParam("q", "konga").get("/api/v1/invoices").then().body("data.id", contains(strangers));
        tenant.testKey().queryParam("q", "konga").get("/api/v1/invoices").then().body("data.id", contains(testWorld));
        tenant.testKey().queryParam("customer_id", konga).get("/api/v1/invoices").then().body("data", empty());
    }
}
