package ng.risiti.invoice.invoices.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.DataExportProbe.Answer;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** invoice-service's part of a tenant's NDPR data export, asked for over Kafka the way auth-service asks. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
class InvoiceDataExportTests {

    static final String SERVICE = "invoice-service";
    static final List<String> INVOICE_COLUMNS = List.of("id", "invoice_number", "customer_id", "customer_name", "customer_tin",
            "customer_email", "status", "currency", "issue_date", "due_date", "notes", "subtotal_kobo", "tax_total_kobo", "total_kobo",
            "amount_due_kobo", "irn", "digital_signature", "test_mode", "finalized_at", "firs_submitted_at", "created_at", "updated_at",
            "wht_rate_id", "wht_percent", "wht_kobo", "deleted_at", "voided_at", "overdue_at");
    static final List<String> LINE_COLUMNS = List.of("id", "invoice_id", "position", "description", "quantity", "unit_price_kobo",
            "discount_percent", "tax_rate_id", "tax_percent", "net_kobo", "tax_kobo", "total_kobo");
    static final List<String> MONEY = List.of("unit_price_kobo", "net_kobo", "tax_kobo", "total_kobo");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Fractional quantities and a fractional discount: what rounding to money or to floats would lose. */
    static String twoLineInvoice(UUID customerId) {
        return """
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-23","currency":"NGN",
                 "line_items":[
                   {"description":"Consulting hours","quantity":2.5,"unit_price":35000.50,"discount_percent":12.5},
                   {"description":"Toner by the gram","quantity":1234.5678,"unit_price":0.37}],
                 "notes":"Payment due within 30 days."}""".formatted(customerId);
    }

    @Test
    void exportsTheTenantsInvoicesLinesAndPublicKeyAsTheApiShowsThemAndNoSecrets() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
        String finalizedId = tenant.owner().body(twoLineInvoice(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        JsonPath finalized = tenant.owner().post("/api/v1/invoices/" + finalizedId + "/finalize").then().statusCode(200).extract().jsonPath();
        JsonPath draft = tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().jsonPath();

        String taxReport = tenant.owner().body("{\"period\":\"2025-03\"}").post("/api/v1/tax-reports/generate").then().statusCode(201)
                .extract().path("data.id");
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        UUID strangersCustomer = stranger.customer("Stranger Ltd", "11111111-0001");
        String strangersInvoice = stranger.owner().body(InvoiceTestFixtures.invoiceBody(strangersCustomer)).post("/api/v1/invoices")
                .then().statusCode(201).extract().path("data.id");
        stranger.owner().post("/api/v1/invoices/" + strangersInvoice + "/finalize").then().statusCode(200);

        Answer answer = DataExportProbe.request(tenant.tenantId, SERVICE);

        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        assertThat(answer.files().keySet()).containsExactlyInAnyOrder("invoices", "invoice_lines", "payments", "invoice_deliveries", "tax_rates",
                "signing_keys", "expenses", "journal_entries", "journal_lines", "tax_reports");
        List<JsonNode> invoices = answer.file("invoices");
        List<JsonNode> lines = answer.file("invoice_lines");
        assertThat(invoices).extracting(row -> row.get("id").asText())
                .containsExactlyInAnyOrder(finalizedId, draft.getString("data.id")).doesNotContain(strangersInvoice);
        // exactly the declared columns: no public_token (it opens the invoice's public page), nothing added unnoticed
        invoices.forEach(row -> assertThat(DataExportProbe.fieldNames(row)).containsExactlyInAnyOrderElementsOf(INVOICE_COLUMNS));
        lines.forEach(row -> assertThat(DataExportProbe.fieldNames(row)).containsExactlyInAnyOrderElementsOf(LINE_COLUMNS));
        // a tax report as filed: its figures an object, not a string of JSON
        JsonNode filed = DataExportProbe.row(answer.file("tax_reports"), taxReport);
        assertThat(filed.get("kind").asText()).isEqualTo("vat");
        assertThat(filed.get("period_month").asText()).isEqualTo("2025-03");
        assertThat(filed.get("version").asInt()).isEqualTo(1);
        assertThat(filed.get("figures").get("currency").asText()).isEqualTo("NGN");
        String everything = JSON.writeValueAsString(answer.files());
        assertThat(everything).doesNotContain(finalized.getString("data.public_token"), draft.getString("data.public_token"));

        JsonNode invoice = DataExportProbe.row(invoices, finalizedId);
        assertThat(invoice.get("invoice_number").asText()).isEqualTo(finalized.getString("data.invoice_number"));
        // as the API and the events show it
        assertThat(invoice.get("status").asText()).isEqualTo("finalized");
        assertThat(DataExportProbe.row(invoices, draft.getString("data.id")).get("status").asText()).isEqualTo("draft");
        assertThat(invoice.get("customer_id").asText()).isEqualTo(customerId.toString());
        assertThat(invoice.get("customer_name").asText()).isEqualTo("TechVentures Nigeria Ltd");
        assertThat(invoice.get("customer_tin").asText()).isEqualTo("98765432-0001");
        assertThat(invoice.get("issue_date").asText()).isEqualTo("2025-03-24");
        assertThat(invoice.get("due_date").asText()).isEqualTo("2025-04-23");
        assertThat(invoice.get("irn").asText()).isEqualTo(finalized.getString("data.irn"));
        assertThat(invoice.get("digital_signature").asText()).isEqualTo(finalized.getString("data.digital_signature"));
        assertThat(DataExportProbe.instant(invoice, "finalized_at")).isEqualTo(OffsetDateTime.parse(finalized.getString("data.finalized_at")).toInstant());
        for (String money : List.of("subtotal", "tax_total", "total", "amount_due")) {
            String apiName = money.equals("total") ? "total_amount_kobo" : money + "_kobo";
            assertThat(invoice.get(money + "_kobo").isIntegralNumber()).as(money).isTrue();
            assertThat(invoice.get(money + "_kobo").asLong()).as(money).isEqualTo(finalized.getLong("data." + apiName));
        }

        // every line joins to an exported invoice of this tenant, in position order
        assertThat(lines).extracting(line -> line.get("invoice_id").asText()).allMatch(id -> invoices.stream().anyMatch(i -> i.get("id").asText().equals(id)));
        List<JsonNode> finalizedLines = lines.stream().filter(line -> line.get("invoice_id").asText().equals(finalizedId)).toList();
        assertThat(finalizedLines).extracting(line -> line.get("position").asInt()).containsExactly(0, 1);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 2; i++) {
            JsonNode line = finalizedLines.get(i);
            String api = "data.line_items[" + i + "].";
            assertThat(line.get("description").asText()).isEqualTo(finalized.getString(api + "description"));
            for (String money : MONEY) {
                assertThat(line.get(money).isIntegralNumber()).as(money).isTrue();
            }
            assertThat(line.get("unit_price_kobo").asLong()).isEqualTo(finalized.getLong(api + "unit_price_kobo"));
            assertThat(line.get("net_kobo").asLong()).isEqualTo(finalized.getLong(api + "subtotal_kobo"));
            assertThat(line.get("tax_kobo").asLong()).isEqualTo(finalized.getLong(api + "tax_kobo"));
            assertThat(line.get("total_kobo").asLong()).isEqualTo(finalized.getLong(api + "total_kobo"));
            assertThat(line.get("tax_rate_id").asText()).isEqualTo(finalized.getString(api + "tax_rate_id"));
        }
        assertThat(decimal(finalizedLines.get(0), "quantity")).isEqualByComparingTo("2.5");
        assertThat(decimal(finalizedLines.get(0), "discount_percent")).isEqualByComparingTo("12.5");
        assertThat(decimal(finalizedLines.get(0), "tax_percent")).isEqualByComparingTo("7.5");
        assertThat(finalizedLines.get(0).get("unit_price_kobo").asLong()).isEqualTo(3500050);
        assertThat(decimal(finalizedLines.get(1), "quantity")).isEqualByComparingTo("1234.5678");
        assertThat(decimal(finalizedLines.get(1), "discount_percent")).isEqualByComparingTo("0");
        assertThat(finalizedLines.stream().mapToLong(line -> line.get("total_kobo").asLong()).sum())
                .isEqualTo(invoice.get("total_kobo").asLong());

        // tenants have no tax rates of their own yet; the system rates everyone shares are not the tenant's data
        assertThat(answer.file("tax_rates")).isEmpty();

        // the public half of the signing key, enough to verify the invoice's signature; the private half is a secret
        List<JsonNode> keys = answer.file("signing_keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.getFirst();
        assertThat(DataExportProbe.fieldNames(key)).containsExactlyInAnyOrder("kid", "public_key_spki_base64", "created_at");
        JsonWebSignature signature = new JsonWebSignature();
        signature.setCompactSerialization(invoice.get("digital_signature").asText());
        assertThat(key.get("kid").asText()).isEqualTo(signature.getKeyIdHeaderValue());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("public_key_spki_base64").asText())));
        signature.setKey(publicKey);
        assertThat(signature.verifySignature()).isTrue();
    }

    @Test
    void aTenantWithNoInvoicesGetsEmptyFilesNotAFailure() {
        Answer answer = DataExportProbe.request(UUID.randomUUID(), SERVICE);

        assertThat(answer.summary().hasNonNull("failure")).isFalse();
        assertThat(answer.files().keySet()).containsExactlyInAnyOrder("invoices", "invoice_lines", "payments", "invoice_deliveries", "tax_rates",
                "signing_keys", "expenses", "journal_entries", "journal_lines", "tax_reports");
        assertThat(answer.files().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        assertThat(answer.chunks()).isZero();
    }



    /** A JSON number, not a string; compared as the exact decimal its text denotes. */
    private static BigDecimal decimal(JsonNode row, String column) {
        assertThat(row.get(column).isNumber()).as(column).isTrue();
        return new BigDecimal(row.get(column).asText());
    }

}
