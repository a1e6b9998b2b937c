package ng.risiti.invoice.invoices.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/invoices: currency, WHT, and the number series' prefix from the tenant's invoice defaults. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceCreateFieldsTests {

    static final String WHT_5 = "00000000-0000-7000-8000-000000000005";
    static final String WHT_10 = "00000000-0000-7000-8000-000000000010";
    static final String VAT = "00000000-0000-7000-8000-000000000075";

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private String body(String extra) {
        return InvoiceTestFixtures.invoiceBody(customerId).replace("\"currency\":\"NGN\",", extra);
    }

    @Test
    void anInvoiceIsInNairaWhetherOrNotItSaysSoAndAnyOtherCurrencyIsRefusedByName() {
        tenant.owner().body(body("")).post("/api/v1/invoices").then().statusCode(201).body("data.currency", equalTo("NGN"));
        tenant.owner().body(body("\"currency\":\"NGN\",")).post("/api/v1/invoices").then().statusCode(201).body("data.currency", equalTo("NGN"));
        tenant.owner().body(body("\"currency\":\"XYZ\",")).post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("currency"))
                .body("error.details[0].message", equalTo("currency must be NGN; XYZ is not an ISO 4217 currency code"));
        tenant.owner().body(body("\"currency\":\"USD\",")).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("currency"))
                .body("error.details[0].message", equalTo("currency must be NGN: invoices are issued in naira; USD is not supported"));
        tenant.owner().body(body("\"currency\":\"ngn\",")).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("currency"));
        tenant.owner().body(body("\"currency\":42,")).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("currency"));
    }

    @Test
    void theAnswerAndTheEventCarryTheNumberAndTheCustomerTheCreatingStatementSnapshotted() {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        JsonPath created = tenant.owner().body(body("")).post("/api/v1/invoices").then().statusCode(201)
                .body("data.customer_snapshot.name", equalTo("TechVentures Nigeria Ltd"))
                .body("data.customer_snapshot.tin", equalTo("98765432-0001"))
                .extract().jsonPath();
        String id = created.getString("data.id");
        String number = created.getString("data.invoice_number");
        assertThat(number).matches("INV-\\d{4}-\\d{3,}");
        tenant.owner().get("/api/v1/invoices/" + id).then().statusCode(200).body("data.invoice_number", equalTo(number))
                .body("data.customer_snapshot.name", equalTo("TechVentures Nigeria Ltd"));

        ConsumerRecord<String, String> event = events.first("invoice.created", record -> id.equals(record.key()), Duration.ofSeconds(15));
        events.close();
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("invoice_number")).isEqualTo(number);
        assertThat(data.getString("customer_name")).isEqualTo("TechVentures Nigeria Ltd");
        assertThat(data.getString("customer_tin")).isEqualTo("98765432-0001");
        assertThat(data.getString("customer_id")).isEqualTo(customerId.toString());
    }

    @Test
    void withholdingTaxIsShownOnTheSubtotalAndIsNotPartOfTheTotalOrTheAmountDue() {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        // 10 × 35,000 = 350,000.00 before VAT; WHT 5 % of it = 17,500.00; the total stays 350,000.00 + 7.5 % VAT
        JsonPath created = tenant.owner().body(body("\"wht_rate_id\":\"" + WHT_5 + "\",")).post("/api/v1/invoices").then().statusCode(201)
                .body("data.wht_rate_id", equalTo(WHT_5))
                .body("data.wht_rate", equalTo("5.0"))
                .body("data.wht_amount", equalTo("17500.00"))
                .body("data.wht_amount_kobo", equalTo(1750000))
                .body("data.subtotal", equalTo("350000.00"))
                .body("data.total_amount", equalTo("376250.00"))
                .body("data.amount_due", equalTo("376250.00"))
                .extract().jsonPath();
        String id = created.getString("data.id");
        tenant.owner().get("/api/v1/invoices/" + id).then().statusCode(200).body("data.wht_amount", equalTo("17500.00"))
                .body("data.wht_rate", equalTo("5.0"));

        ConsumerRecord<String, String> event = events.first("invoice.created", record -> id.equals(record.key()), Duration.ofSeconds(15));
        events.close();
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("wht_rate")).isEqualTo("5.0");
        assertThat(data.getString("wht_amount")).isEqualTo("17500.00");
        assertThat(data.getLong("wht_amount_kobo")).isEqualTo(1750000);
        assertThat(data.getLong("total_amount_kobo")).isEqualTo(37625000);

        // 1 × 333.30 = 33,330 kobo; 10 % of it is 3,333 kobo exactly, 5 % is 1,666.5 kobo: half-up makes it 1,667
        String oddSubtotal = """
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-23","wht_rate_id":"%s",
                 "line_items":[{"description":"Odd kobo","quantity":1,"unit_price":"333.30"}]}""";
        tenant.owner().body(oddSubtotal.formatted(customerId, WHT_5)).post("/api/v1/invoices").then().statusCode(201)
                .body("data.wht_amount", equalTo("16.67")).body("data.wht_amount_kobo", equalTo(1667));
        tenant.owner().body(oddSubtotal.formatted(customerId, WHT_10)).post("/api/v1/invoices").then().statusCode(201)
                .body("data.wht_rate", equalTo("10.0")).body("data.wht_amount", equalTo("33.33"));

        // without WHT
        tenant.owner().body(body("")).post("/api/v1/invoices").then().statusCode(201)
                .body("data.wht_rate_id", nullValue()).body("data.wht_rate", nullValue())
                .body("data.wht_amount", equalTo("0.00")).body("data.wht_amount_kobo", equalTo(0));
    }

    @Test
    void aWhtRateMustBeAWhtRateOfTheBusinessAndALineCannotBeTaxedWithOne() {
        tenant.owner().body(body("\"wht_rate_id\":\"" + VAT + "\",")).post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("wht_rate_id"))
                .body("error.details[0].message", equalTo("wht_rate_id must be a WHT rate; VAT rates belong on the lines (tax_rate_id)"));
        tenant.owner().body(body("\"wht_rate_id\":\"" + UUID.randomUUID() + "\",")).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("wht_rate_id"))
                .body("error.details[0].message", equalTo("wht_rate_id does not name a tax rate of this business"));
        tenant.owner().body(body("\"wht_rate_id\":\"five\",")).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("wht_rate_id"));
        tenant.owner().body(body("").replace("\"discount_percent\":0", "\"discount_percent\":0,\"tax_rate_id\":\"" + WHT_5 + "\""))
                .post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("line_items.0.tax_rate_id"))
                .body("error.details[0].message", equalTo("tax_rate_id must be a VAT rate; WHT is deducted by the payer"));
    }

    @Test
    void numbersCarryThePrefixOfTheTenantsInvoiceDefaultsInEachWorld() {
        tenant.withInvoiceDefaults("ACME", 14);
        tenant.owner().body(body("")).post("/api/v1/invoices").then().statusCode(201).body("data.invoice_number", equalTo("ACME-2025-001"));
        tenant.owner().body(body("")).post("/api/v1/invoices").then().statusCode(201).body("data.invoice_number", equalTo("ACME-2025-002"));

        UUID testCustomer = tenant.customer("Sandbox Buyer", "98765432-0002", true);
        tenant.testKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then().statusCode(201)
                .body("data.invoice_number", equalTo("TEST-ACME-2025-001"));

        // a new prefix continues the year's count: the series is the tenant's, the prefix only its label
        tenant.withInvoiceDefaults("FIME-", 30);
        tenant.owner().body(body("")).post("/api/v1/invoices").then().statusCode(201).body("data.invoice_number", equalTo("FIME-2025-003"));
        // a custom number is still the caller's, and still unique
        tenant.owner().body(body("\"invoice_number\":\"FIME-2025-003\",")).post("/api/v1/invoices").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
    }
}
