package ng.risiti.invoice.journal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.journal.JournalBooks;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Random invoices through random payments, credit notes and voids, all through the API; once the journal has caught
 * up, the books agree with the invoices to the kobo.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class JournalPropertyTests {

    private static final String ZERO_RATED = "00000000-0000-7000-8000-000000000000";
    private static final List<String> METHODS = List.of("bank_transfer", "cash", "card", "online");

    /** What the test knows of one invoice, from the API's answers. */
    private static final class Known {
        final String id;
        long total;
        long amountDue;
        long credited;
        String status;

        Known(String id) {
            this.id = id;
        }

        void from(JsonPath invoice, String prefix) {
            total = invoice.getLong(prefix + "total_amount_kobo");
            amountDue = invoice.getLong(prefix + "amount_due_kobo");
            status = invoice.getString(prefix + "status");
        }
    }

    @Test
    void theTrialBalanceIsZeroAndDebtorsAreTheAmountDueAfterHundredsOfRandomInvoiceActions() {
        long seed = Long.getLong("journal.seed", System.nanoTime());
        Random random = new Random(seed);
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().onPlan("starter");
        JournalBooks books = new JournalBooks(tenant);
        UUID customerId = tenant.customer("Konga Online Shopping Ltd", "12345678-0002");

        List<Known> invoices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            invoices.add(finalizedInvoice(tenant, customerId, random));
        }
        long received = 0;
        long customerCredit = 0;
        long whtWithheld = 0;
        Map<String, Integer> posted = new HashMap<>(Map.of("invoice_finalized", invoices.size(), "payment", 0, "void", 0, "credit_note", 0));
        for (int step = 0; step < 250; step++) {
            Known invoice = invoices.get(random.nextInt(invoices.size()));
            int action = random.nextInt(10);
            boolean open = List.of("finalized", "sent", "partial").contains(invoice.status);
            if (action < 6 && open && invoice.amountDue > 0) {
                long settled = random.nextInt(3) == 0 ? invoice.amountDue : 1 + (long) (random.nextDouble() * invoice.amountDue);
                // now and then the payer withholds WHT beside the money (never all of it)
                long withheld = random.nextInt(4) == 0 ? (long) (random.nextDouble() * settled * 0.1) : 0;
                long amount = settled - withheld;
                JsonPath answer = tenant.owner().body("{\"amount\":\"" + naira(amount) + "\",\"wht_withheld\":\"" + naira(withheld) + "\",\"method\":\""
                                + METHODS.get(random.nextInt(METHODS.size())) + "\"}")
                        .post("/api/v1/invoices/" + invoice.id + "/record-payment").then().statusCode(201).extract().jsonPath();
                invoice.amountDue = answer.getLong("data.amount_due_kobo");
                invoice.status = answer.getString("data.status");
                received += amount;
                whtWithheld += withheld;
                posted.merge("payment", 1, Integer::sum);
            } else if (action < 9 && (open || "paid".equals(invoice.status)) && invoice.total - invoice.credited > 0) {
                long creditable = invoice.total - invoice.credited;
                long credit = random.nextInt(3) == 0 ? creditable : 1 + (long) (random.nextDouble() * creditable);
                tenant.owner().body("{\"reason\":\"Adjustment\",\"amount\":\"" + naira(credit) + "\"}")
                        .post("/api/v1/invoices/" + invoice.id + "/credit-note").then().statusCode(201);
                customerCredit += Math.max(0, credit - invoice.amountDue);
                invoice.credited += credit;
                invoice.from(tenant.owner().get("/api/v1/invoices/" + invoice.id).then().statusCode(200).extract().jsonPath(), "data.");
                posted.merge("credit_note", 1, Integer::sum);
            } else if (action == 9 && open) {
                tenant.owner().post("/api/v1/invoices/" + invoice.id + "/void").then().statusCode(200);
                invoice.status = "cancelled";
                invoice.amountDue = 0;
                posted.merge("void", 1, Integer::sum);
            }
        }

        assertThat(posted.values()).as("every kind of action happened, seed %d", seed).allMatch(count -> count > 0);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Integer> counts = new HashMap<>(Map.of("invoice_finalized", 0, "payment", 0, "void", 0, "credit_note", 0));
            books.entries("").forEach(entry -> counts.merge((String) entry.get("source_type"), 1, Integer::sum));
            return counts.equals(posted);
        });
        Map<String, Long> balance = books.awaitDebtorsEqualAmountDue();
        long due = invoices.stream().mapToLong(invoice -> invoice.amountDue).sum();
        assertThat(balance.getOrDefault("1100", 0L)).as("seed %d", seed).isEqualTo(due);
        assertThat(balance.getOrDefault("1000", 0L) + balance.getOrDefault("1010", 0L)).as("seed %d", seed).isEqualTo(received);
        assertThat(-balance.getOrDefault("2300", 0L)).as("seed %d", seed).isEqualTo(customerCredit);
        assertThat(balance.getOrDefault("1200", 0L)).as("seed %d", seed).isEqualTo(whtWithheld);

        // an invoice with nothing left due holds no VAT provision: its output VAT is all payable or reversed
        Map<String, Long> provisionByInvoice = new HashMap<>();
        for (Map<String, Object> entry : books.entries("")) {
            Long provision = JournalBooks.lines(entry).get("2100");
            if (provision != null) {
                provisionByInvoice.merge((String) entry.get("invoice_id"), provision, Long::sum);
            }
        }
        for (Known invoice : invoices) {
            if (invoice.amountDue == 0) {
                assertThat(provisionByInvoice.getOrDefault(invoice.id, 0L)).as("VAT provision of %s (%s), seed %d", invoice.id, invoice.status, seed)
                        .isZero();
            } else {
                assertThat(provisionByInvoice.getOrDefault(invoice.id, 0L)).as("VAT provision of %s, seed %d", invoice.id, seed).isLessThanOrEqualTo(0);
            }
        }
    }

    private static Known finalizedInvoice(InvoiceTestFixtures tenant, UUID customerId, Random random) {
        StringBuilder lines = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"description\":\"Item ").append(i).append("\",\"quantity\":").append(1 + random.nextInt(20))
                    .append(",\"unit_price\":\"").append(naira(1 + random.nextInt(5_000_000))).append('"')
                    .append(random.nextInt(4) == 0 ? ",\"tax_rate_id\":\"" + ZERO_RATED + "\"" : "").append('}');
        }
        String body = "{\"customer_id\":\"" + customerId + "\",\"issue_date\":\"2026-01-10\",\"due_date\":\"2026-02-09\",\"line_items\":[" + lines + "]}";
        Known invoice = new Known(tenant.finalizedInvoice(body));
        invoice.from(tenant.owner().get("/api/v1/invoices/" + invoice.id).then().statusCode(200).extract().jsonPath(), "data.");
        return invoice;
    }

    private static String naira(long kobo) {
        return BigDecimal.valueOf(kobo, 2).toPlainString();
    }
}
