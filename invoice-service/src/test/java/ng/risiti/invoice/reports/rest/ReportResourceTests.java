package ng.risiti.invoice.reports.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.journal.JournalBooks;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports (seed 002, Reports) over one small set of books whose every figure is worked out by hand: an invoice of
 * 376,250.00 (350,000.00 + 26,250.00 VAT) issued 2025-03-24, paid 100,000.00 on 2025-04-10 of which the payer withheld
 * 5,000.00 WHT; rent of 50,000.00 + 3,750.00 VAT paid 2025-04-05; transport of 40,000.00 paid 2025-05-02.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class ReportResourceTests {

    /** The VAT share of the 100,000.00 settled: 2,625,000 × 10,000,000 / 37,625,000 = 697,674.4 kobo, half-up. */
    private static final long VAT_DUE = 697_674;

    InvoiceTestFixtures tenant;
    JournalBooks books;
    UUID dangote;
    String invoiceId;

    @BeforeEach
    void booksOfMarchToMay() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        books = new JournalBooks(tenant);
        dangote = tenant.customer("Dangote Cement Plc", "11111111-0001");
        invoiceId = invoice(dangote, "2025-03-24", "2025-04-23", 10, "35000");
        books.awaitEntry("invoice_finalized", invoiceId);
        tenant.owner().body("{\"amount\":\"95000.00\",\"wht_withheld\":\"5000.00\",\"method\":\"bank_transfer\",\"paid_at\":\"2025-04-10\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201);
        expense("2025-04-05", "rent", "50000.00", "3750.00");
        expense("2025-05-02", "transport", "40000.00", "0");
        books.awaitEntry("payment", invoiceId);
    }

    private String invoice(UUID customerId, String issued, String due, int quantity, String unitPrice) {
        return tenant.finalizedInvoice("""
                {"customer_id":"%s","issue_date":"%s","due_date":"%s",
                 "line_items":[{"description":"Cement haulage","quantity":%d,"unit_price":"%s"}]}""".formatted(customerId, issued, due, quantity, unitPrice));
    }

    private void expense(String date, String category, String amount, String vat) {
        tenant.owner().body("""
                {"date":"%s","supplier":"Supplier","category":"%s","amount":"%s","vat_amount":"%s","payment_method":"bank_transfer"}"""
                .formatted(date, category, amount, vat)).post("/api/v1/expenses").then().statusCode(201);
    }

    @Test
    void profitAndLossIsRevenueNetOfVatLessExpensesByCategoryForThePeriodAsked() {
        tenant.owner().get("/api/v1/reports/profit-loss?from=2025-03-01&to=2025-04-30&currency=NGN").then().statusCode(200)
                .body("data.from", equalTo("2025-03-01")).body("data.to", equalTo("2025-04-30")).body("data.currency", equalTo("NGN"))
                .body("data.revenue", equalTo("350000.00")).body("data.revenue_kobo", equalTo(35_000_000))
                .body("data.expenses", hasSize(1))
                .body("data.expenses[0].category", equalTo("rent")).body("data.expenses[0].amount", equalTo("50000.00"))
                .body("data.expenses[0].amount_kobo", equalTo(5_000_000))
                .body("data.total_expenses", equalTo("50000.00"))
                .body("data.net_profit", equalTo("300000.00")).body("data.net_profit_kobo", equalTo(30_000_000));

        tenant.owner().get("/api/v1/reports/profit-loss?from=2025-05-01&to=2025-05-31").then().statusCode(200)
                .body("data.revenue", equalTo("0.00")).body("data.expenses.category", contains("transport"))
                .body("data.net_profit", equalTo("-40000.00")).body("data.net_profit_kobo", equalTo(-4_000_000));

        tenant.owner().get("/api/v1/reports/profit-loss").then().statusCode(200)
                .body("data.from", nullValue()).body("data.currency", equalTo("NGN"))
                .body("data.expenses.category", contains("rent", "transport")).body("data.net_profit", equalTo("260000.00"));
    }

    @Test
    void cashFlowIsPaymentsInAndExpensesOutPerMonthByDefaultWithEmptyMonthsShown() {
        tenant.owner().get("/api/v1/reports/cash-flow?from=2025-03-01&to=2025-05-31").then().statusCode(200)
                .body("data.interval", equalTo("month"))
                .body("data.periods.start", contains("2025-03-01", "2025-04-01", "2025-05-01"))
                .body("data.periods.end", contains("2025-03-31", "2025-04-30", "2025-05-31"))
                .body("data.periods.inflows", contains("0.00", "95000.00", "0.00"))
                .body("data.periods.outflows", contains("0.00", "53750.00", "40000.00"))
                .body("data.periods.net", contains("0.00", "41250.00", "-40000.00"))
                .body("data.periods[1].inflows_kobo", equalTo(9_500_000))
                .body("data.total_inflows", equalTo("95000.00")).body("data.total_outflows", equalTo("93750.00"))
                .body("data.net_cash_flow", equalTo("1250.00")).body("data.net_cash_flow_kobo", equalTo(125_000));
    }

    @Test
    void weeklyCashFlowRunsMondayToSundayClippedToTheRangeAsked() {
        // 2025-04-01 is a Tuesday; the rent (Saturday the 5th) is in its week, the payment (Thursday the 10th) in the next
        tenant.owner().get("/api/v1/reports/cash-flow?from=2025-04-01&to=2025-04-16&interval=week").then().statusCode(200)
                .body("data.interval", equalTo("week"))
                .body("data.periods.start", contains("2025-04-01", "2025-04-07", "2025-04-14"))
                .body("data.periods.end", contains("2025-04-06", "2025-04-13", "2025-04-16"))
                .body("data.periods.inflows", contains("0.00", "95000.00", "0.00"))
                .body("data.periods.outflows", contains("53750.00", "0.00", "0.00"));
        tenant.owner().get("/api/v1/reports/cash-flow?from=2025-04-10&to=2025-04-10&interval=day").then().statusCode(200)
                .body("data.periods", hasSize(1)).body("data.periods[0].inflows", equalTo("95000.00"));
    }

    @Test
    void taxSummaryIsOutputVatChargedAndDueInputVatNetPayableAndWhtSufferedAsTheJournalHoldsThem() {
        tenant.owner().get("/api/v1/reports/tax-summary").then().statusCode(200)
                .body("data.output_vat", equalTo("26250.00")).body("data.output_vat_kobo", equalTo(2_625_000))
                .body("data.output_vat_due_kobo", equalTo((int) VAT_DUE))
                .body("data.vat_provision_kobo", equalTo((int) (2_625_000 - VAT_DUE)))
                .body("data.input_vat", equalTo("3750.00"))
                .body("data.net_payable_kobo", equalTo((int) (VAT_DUE - 375_000)))
                .body("data.wht_suffered", equalTo("5000.00")).body("data.wht_suffered_kobo", equalTo(500_000));
        Map<String, Long> balance = books.trialBalance("");
        assertThat(balance).containsEntry("2200", -VAT_DUE).containsEntry("1300", 375_000L).containsEntry("1200", 500_000L)
                .containsEntry("2100", -(2_625_000 - VAT_DUE));

        // in March only the invoice was issued: all its VAT is charged, none due yet
        tenant.owner().get("/api/v1/reports/tax-summary?from=2025-03-01&to=2025-03-31").then().statusCode(200)
                .body("data.output_vat", equalTo("26250.00")).body("data.output_vat_due", equalTo("0.00"))
                .body("data.vat_provision", equalTo("26250.00")).body("data.net_payable", equalTo("0.00")).body("data.wht_suffered", equalTo("0.00"));
    }

    @Test
    void ageingPutsEachOpenInvoiceInTheBucketOfItsDaysOverdueOnAsOfPerCustomerAndTheTotalIsTradeDebtors() {
        UUID julius = tenant.customer("Julius Berger Nigeria Plc", "22222222-0002");
        String notYetDue = invoice(dangote, "2025-05-20", "2025-06-19", 1, "1000");
        String dueThatDay = invoice(julius, "2025-05-02", "2025-06-01", 1, "2000");
        String longOverdue = invoice(julius, "2025-01-01", "2025-01-31", 1, "4000");
        String paidInFull = invoice(julius, "2025-01-01", "2025-01-31", 1, "8000");
        tenant.owner().body("{\"amount\":\"8600.00\",\"method\":\"cash\",\"paid_at\":\"2025-02-01\"}")
                .post("/api/v1/invoices/" + paidInFull + "/record-payment").then().statusCode(201);

        var ageing = tenant.owner().get("/api/v1/reports/receivables-ageing?as_of=2025-06-01").then().statusCode(200)
                .body("data.as_of", equalTo("2025-06-01"))
                .body("data.customers.customer_name", contains("Dangote Cement Plc", "Julius Berger Nigeria Plc"))
                // the first invoice: 276,250.00 left, due 2025-04-23, 39 days overdue
                .body("data.customers[0].invoice_count", equalTo(2))
                .body("data.customers[0].buckets.current", equalTo("1075.00"))
                .body("data.customers[0].buckets.days_31_60", equalTo("276250.00"))
                .body("data.customers[0].buckets.days_31_60_kobo", equalTo(27_625_000))
                .body("data.customers[1].invoice_count", equalTo(2))
                .body("data.customers[1].buckets.days_0_30", equalTo("2150.00"))
                .body("data.customers[1].buckets.days_90_plus", equalTo("4300.00"))
                .body("data.totals.invoice_count", equalTo(4))
                .body("data.totals.current", equalTo("1075.00")).body("data.totals.days_0_30", equalTo("2150.00"))
                .body("data.totals.days_31_60", equalTo("276250.00")).body("data.totals.days_61_90", equalTo("0.00"))
                .body("data.totals.days_90_plus", equalTo("4300.00")).body("data.totals.overdue", equalTo("282700.00"))
                .body("data.totals.total", equalTo("283775.00")).extract().jsonPath();
        assertThat(List.of(notYetDue, dueThatDay, longOverdue)).doesNotHaveDuplicates();

        for (String id : List.of(notYetDue, dueThatDay, longOverdue, paidInFull)) {
            books.awaitEntry("invoice_finalized", id);
        }
        books.awaitEntry("payment", paidInFull);
        assertThat(books.trialBalance("").get("1100")).isEqualTo(ageing.getLong("data.totals.total_kobo"));

        // from/to choose invoices by issue date
        tenant.owner().get("/api/v1/reports/receivables-ageing?as_of=2025-06-01&from=2025-05-01").then().statusCode(200)
                .body("data.totals.invoice_count", equalTo(2)).body("data.totals.total", equalTo("3225.00"));
        // without as_of the invoices age to today: all of them are long overdue
        tenant.owner().get("/api/v1/reports/receivables-ageing").then().statusCode(200)
                .body("data.totals.current", equalTo("0.00")).body("data.totals.days_90_plus", equalTo("283775.00"));
    }

    @Test
    void badFiltersAreValidationErrorsNamingTheParameter() {
        for (String path : List.of("profit-loss", "cash-flow", "receivables-ageing", "tax-summary")) {
            tenant.owner().get("/api/v1/reports/" + path + "?from=April").then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("from"));
            tenant.owner().get("/api/v1/reports/" + path + "?from=2025-05-01&to=2025-04-01").then().statusCode(400)
                    .body("error.details[0].field", equalTo("to"));
            tenant.owner().get("/api/v1/reports/" + path + "?currency=USD").then().statusCode(400)
                    .body("error.details[0].field", equalTo("currency"));
            tenant.owner().get("/api/v1/reports/" + path + "?currency=naira").then().statusCode(400)
                    .body("error.details[0].field", equalTo("currency"));
        }
        tenant.owner().get("/api/v1/reports/cash-flow?interval=year").then().statusCode(400).body("error.details[0].field", equalTo("interval"));
        tenant.owner().get("/api/v1/reports/cash-flow?from=2020-01-01&to=2025-12-31&interval=day").then().statusCode(400)
                .body("error.details[0].field", equalTo("interval"));
        tenant.owner().get("/api/v1/reports/receivables-ageing?as_of=tomorrow").then().statusCode(400)
                .body("error.details[0].field", equalTo("as_of"));
    }

    @Test
    void onlyRolesWithReportsReadSeeReportsAndEachSeesOnlyItsOwnTenancy() {
        for (String path : List.of("profit-loss", "cash-flow", "receivables-ageing", "tax-summary")) {
            for (String role : List.of("owner", "admin", "accountant", "readonly")) {
                tenant.as(role).get("/api/v1/reports/" + path).then().statusCode(200);
            }
            tenant.as("member").get("/api/v1/reports/" + path).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        }
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        stranger.owner().get("/api/v1/reports/profit-loss").then().statusCode(200).body("data.revenue", equalTo("0.00"))
                .body("data.expenses", hasSize(0));
        stranger.owner().get("/api/v1/reports/receivables-ageing").then().statusCode(200).body("data.customers", hasSize(0))
                .body("data.totals.total", equalTo("0.00"));
        // the tenant's test mode is a world of its own
        tenant.testKey().get("/api/v1/reports/tax-summary").then().statusCode(200).body("data.output_vat", equalTo("0.00"));
        tenant.testKey().get("/api/v1/reports/cash-flow").then().statusCode(200).body("data.periods", hasSize(0));
    }
}
