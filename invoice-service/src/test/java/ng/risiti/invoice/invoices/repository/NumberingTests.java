package ng.risiti.invoice.invoices.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** Invoice numbers: unique per tenant and world, never duplicated under concurrency, generated around custom ones. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class NumberingTests {

    @Test
    void generatedNumbersSkipOnesATenantChoseAndAChosenNumberCannotBeTakenTwice() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.customer("Buyer Ltd", "11111111-0001");
        tenant.owner().body(withNumber(customer, "INV-2025-002")).post("/api/v1/invoices").then().statusCode(201)
                .body("data.invoice_number", equalTo("INV-2025-002"));
        tenant.owner().body(withNumber(customer, "INV-2025-002")).post("/api/v1/invoices").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT")).body("error.message", equalTo("Invoice number 'INV-2025-002' already exists."));
        List<String> generated = List.of(create(tenant, customer), create(tenant, customer), create(tenant, customer));
        assertThat(generated).containsExactly("INV-2025-001", "INV-2025-003", "INV-2025-004");
        // another tenant, and this tenant's test world, number from 001 again
        InvoiceTestFixtures other = new InvoiceTestFixtures();
        assertThat(create(other, other.customer("Other Buyer Ltd", "22222222-0001"))).isEqualTo("INV-2025-001");
    }

    @Test
    void aRefusedCreateLeavesNoInvoiceLineOrEventBehindAndTheNextNumberFollowsOn() throws Exception {
        // a create is one statement that commits by itself: refused, none of its rows remain and no number is used up
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.customer("Careful Buyer Ltd", "66666666-0001");
        assertThat(create(tenant, customer)).isEqualTo("INV-2025-001");
        tenant.owner().body(withNumber(customer, "INV-2025-001")).post("/api/v1/invoices").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        assertThat(create(tenant, customer)).isEqualTo("INV-2025-002");
        assertThat(InvoiceTestFixtures.count("select count(*) from invoices where tenant_id = ?", tenant.tenantId)).isEqualTo(2);
        assertThat(InvoiceTestFixtures.count(
                "select count(*) from invoice_lines l join invoices i on i.id = l.invoice_id where i.tenant_id = ?", tenant.tenantId)).isEqualTo(2);
        assertThat(InvoiceTestFixtures.count(
                "select count(*) from outbox_events where tenant_id = ? and type = 'invoice.created'", tenant.tenantId)).isEqualTo(2);
    }

    @Test
    void numbersPastNineHundredNinetyNineKeepEveryDigit() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.customer("Big Buyer Ltd", "33333333-0001");
        try (var db = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("invoice"));
                var counter = db.prepareStatement("insert into invoice_number_counters (tenant_id, test_mode, year, last_value) values (?, false, 2025, 999)")) {
            counter.setObject(1, tenant.tenantId);
            counter.executeUpdate();
        }
        assertThat(create(tenant, customer)).isEqualTo("INV-2025-1000");
    }

    @Test
    void concurrentCreatesOfOneTenantNeverShareANumber() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.customer("Busy Buyer Ltd", "44444444-0001");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        try {
            Callable<Map.Entry<String, String>> call = () -> {
                var created = createdInvoice(tenant, customer);
                return Map.entry(created.getString("data.id"), created.getString("data.invoice_number"));
            };
            Map<String, String> numberById = new HashMap<>();
            for (Future<Map.Entry<String, String>> invoice : pool.invokeAll(java.util.Collections.nCopies(40, call))) {
                numberById.put(invoice.get().getKey(), invoice.get().getValue());
            }
            assertThat(new HashSet<>(numberById.values())).hasSize(40).contains("INV-2025-001", "INV-2025-040");

            // each invoice.created carries the number its invoice got in the same statement, not a placeholder
            Map<String, String> numberInEvent = new HashMap<>();
            events.readUntil(seen -> {
                seen.stream().filter(r -> "invoice.created".equals(KafkaTopicReader.header(r, "ce_type")) && numberById.containsKey(r.key()))
                        .forEach(r -> numberInEvent.put(r.key(), JsonPath.from(r.value()).getString("invoice_number")));
                return numberInEvent.size() == numberById.size();
            }, Duration.ofSeconds(15));
            assertThat(numberInEvent).isEqualTo(numberById);
        } finally {
            events.close();
            pool.shutdownNow();
        }
    }

    @Test
    void aHundredConcurrentCreatesAreNumberedOneToAHundredWithoutAGapUnderTheTenantsPrefix() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().withInvoiceDefaults("ACME", 30);
        UUID customer = tenant.customer("Rush Hour Ltd", "55555555-0001");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<String> call = () -> create(tenant, customer);
            java.util.List<String> numbers = new java.util.ArrayList<>();
            for (Future<String> number : pool.invokeAll(java.util.Collections.nCopies(100, call))) {
                numbers.add(number.get());
            }
            java.util.List<String> expected = java.util.stream.IntStream.rangeClosed(1, 100)
                    .mapToObj(n -> "ACME-2025-" + String.format("%03d", n)).toList();
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonPath createdInvoice(InvoiceTestFixtures tenant, UUID customer) {
        return tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().jsonPath();
    }

    private static String create(InvoiceTestFixtures tenant, UUID customer) {
        return tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.invoice_number");
    }

    private static String withNumber(UUID customer, String number) {
        return InvoiceTestFixtures.invoiceBody(customer).replace("\"currency\":\"NGN\",", "\"currency\":\"NGN\",\"invoice_number\":\"" + number + "\",");
    }
}
