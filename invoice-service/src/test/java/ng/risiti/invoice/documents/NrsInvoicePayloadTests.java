package ng.risiti.invoice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Address;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Party;
import ng.risiti.invoice.documents.service.NrsInvoicePayload;
import ng.risiti.invoice.documents.service.NrsInvoicePayload.LineDefaults;
import ng.risiti.nrs.sandbox.NrsException;
import ng.risiti.nrs.sandbox.service.CodeLists;
import ng.risiti.nrs.sandbox.service.InvoiceValidator;
import org.junit.jupiter.api.Test;

class NrsInvoicePayloadTests {

    static final UUID BUSINESS_ID = UUID.fromString("6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f");
    static final LineDefaults DEFAULTS = new LineDefaults("9999.00", "General goods and services");

    /** Reads numbers as written, so a test sees the two decimals that went over the wire. */
    final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    final InvoiceValidator sandbox = new InvoiceValidator(new CodeLists());

    /** The payload as NRS receives it: serialized to JSON text and parsed back. */
    JsonNode wire(InvoiceDocument doc) throws Exception {
        return json.readTree(NrsInvoicePayload.of(doc, BUSINESS_ID, DEFAULTS).toString());
    }

    void assertSandboxAccepts(InvoiceDocument doc) throws Exception {
        JsonNode payload = wire(doc);
        assertThatCode(() -> sandbox.validate(payload, "invoice_validate"))
                .as("%s %s", doc.number(), payload)
                .doesNotThrowAnyException();
    }

    static InvoiceDocument withCustomer(InvoiceDocument d, Party customer) {
        return new InvoiceDocument(d.type(), d.number(), d.irn(), d.issueDate(), d.dueDate(), d.finalizedAt(), d.currency(),
                d.supplier(), customer, d.lines(), d.lineTotal(), d.taxTotal(), d.total(), d.notes(), d.original(),
                d.creditReason(), d.qrPayload(), d.signature(), d.footer(), d.logoUrl(), d.payUrl());
    }

    static InvoiceDocument firstCreditNote(long seed) {
        Random random = new Random(seed);
        while (true) {
            InvoiceDocument doc = SampleDocuments.random(random);
            if (doc.creditNote()) {
                return doc;
            }
        }
    }

    static BigDecimal amount(JsonNode node) {
        assertThat(node.isNumber()).as("%s is a JSON number", node).isTrue();
        assertThat(node.decimalValue().scale()).as("%s has two decimals", node).isEqualTo(2);
        return node.decimalValue();
    }

    @Test
    void theSandboxValidatorAcceptsTheNamedSampleACreditNoteAndACustomerWithNoPhoneOrAddress() throws Exception {
        assertSandboxAccepts(SampleDocuments.named());
        assertSandboxAccepts(firstCreditNote(7));
        Party bare = new Party("Walk-in customer", null, "walkin@example.ng", null, new Address(null, null, null, "NG"));
        InvoiceDocument consumer = withCustomer(SampleDocuments.named(), bare);
        assertSandboxAccepts(consumer);
        JsonNode customer = wire(consumer).get("accounting_customer_party");
        assertThat(customer.has("telephone")).isFalse();
        assertThat(customer.has("postal_address")).isFalse();
        assertThat(customer.has("tin")).isFalse();
    }

    @Test
    void theSandboxValidatorAcceptsEveryOneOf400RandomDocumentsAndTheirFiguresAddUp() throws Exception {
        Random random = new Random(20261120L);
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            InvoiceDocument doc = SampleDocuments.random(random);
            assertSandboxAccepts(doc);
            JsonNode payload = wire(doc);
            kinds.add(payload.get("invoice_type_code").asText());

            JsonNode totals = payload.get("legal_monetary_total");
            BigDecimal lines = BigDecimal.ZERO;
            for (JsonNode line : payload.get("invoice_line")) {
                lines = lines.add(amount(line.get("line_extension_amount")));
                assertThat(line.get("hsn_code").asText()).isNotBlank();
                assertThat(line.get("product_category").asText()).isNotBlank();
            }
            assertThat(amount(totals.get("line_extension_amount"))).isEqualByComparingTo(lines);
            JsonNode taxTotal = payload.get("tax_total").get(0);
            BigDecimal taxable = BigDecimal.ZERO;
            BigDecimal tax = BigDecimal.ZERO;
            for (JsonNode sub : taxTotal.get("tax_subtotal")) {
                taxable = taxable.add(amount(sub.get("taxable_amount")));
                tax = tax.add(amount(sub.get("tax_amount")));
            }
            assertThat(taxable).isEqualByComparingTo(lines);
            assertThat(amount(taxTotal.get("tax_amount"))).isEqualByComparingTo(tax)
                    .isEqualByComparingTo(BigDecimal.valueOf(doc.taxTotal().value(), 2));
            assertThat(amount(totals.get("tax_inclusive_amount")))
                    .isEqualByComparingTo(amount(totals.get("tax_exclusive_amount")).add(tax))
                    .isEqualByComparingTo(amount(totals.get("payable_amount")))
                    .isEqualByComparingTo(BigDecimal.valueOf(doc.total().value(), 2));
        }
        assertThat(kinds).contains("381", "380").containsOnly("381", "380");
    }

    @Test
    void theNamedSampleSaysWhatTheDocumentSaysInNrsTermsAndNaira() throws Exception {
        JsonNode p = wire(SampleDocuments.named());

        assertThat(p.get("business_id").asText()).isEqualTo(BUSINESS_ID.toString());
        assertThat(p.get("irn").asText()).isEqualTo("INV2026042-94ND90NR-20261120");
        assertThat(p.get("issue_date").asText()).isEqualTo("2026-11-20");
        assertThat(p.get("due_date").asText()).isEqualTo("2026-12-20");
        assertThat(p.get("issue_time").asText()).isEqualTo("10:30:00");
        assertThat(p.get("invoice_type_code").asText()).as("NRS's Commercial Invoice, not UNCL1001's 380").isEqualTo("381");
        assertThat(p.get("document_currency_code").asText()).isEqualTo("NGN");
        assertThat(p.get("tax_currency_code").asText()).isEqualTo("NGN");
        assertThat(p.has("billing_reference")).isFalse();

        JsonNode supplier = p.get("accounting_supplier_party");
        assertThat(supplier.get("party_name").asText()).isEqualTo("Adeyemi & Sons Trading Ltd");
        assertThat(supplier.get("tin").asText()).isEqualTo("12345678-0001");
        assertThat(supplier.get("email").asText()).isEqualTo("billing@adeyemi.ng");
        assertThat(supplier.get("postal_address").get("street_name").asText()).isEqualTo("12 Adeola Odeku Street, Victoria Island, Lagos");
        assertThat(supplier.get("postal_address").get("country").asText()).isEqualTo("NG");
        assertThat(p.get("accounting_customer_party").get("tin").asText()).isEqualTo("98765432-0001");

        // 120 × ₦6,500.00 less 2.5% = ₦760,500.00 (VAT ₦57,037.50); 10 × ₦75,000.00 zero-rated; 3 × ₦12,500.50 exempt.
        JsonNode totals = p.get("legal_monetary_total");
        assertThat(amount(totals.get("line_extension_amount"))).isEqualTo(new BigDecimal("1548001.50"));
        assertThat(amount(totals.get("tax_exclusive_amount"))).isEqualTo(new BigDecimal("1548001.50"));
        assertThat(amount(totals.get("tax_inclusive_amount"))).isEqualTo(new BigDecimal("1605039.00"));
        assertThat(amount(totals.get("payable_amount"))).isEqualTo(new BigDecimal("1605039.00"));
        assertThat(NrsInvoicePayload.of(SampleDocuments.named(), BUSINESS_ID, DEFAULTS).toString())
                .contains("\"payable_amount\":1605039.00");

        JsonNode taxTotal = p.get("tax_total");
        assertThat(taxTotal).hasSize(1);
        assertThat(amount(taxTotal.get(0).get("tax_amount"))).isEqualTo(new BigDecimal("57037.50"));
        JsonNode subs = taxTotal.get(0).get("tax_subtotal");
        assertThat(subs).hasSize(3);
        assertSubtotal(subs.get(0), "STANDARD_VAT", "7.5", "760500.00", "57037.50");
        assertSubtotal(subs.get(1), "ZERO_VAT", "0", "750000.00", "0.00");
        assertSubtotal(subs.get(2), "EXEMPTED", "0", "37501.50", "0.00");

        JsonNode cement = p.get("invoice_line").get(0);
        assertThat(cement.get("hsn_code").asText()).isEqualTo("2523.29");
        assertThat(cement.get("product_category").asText()).isEqualTo("Building materials");
        assertThat(cement.get("discount_rate").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(amount(cement.get("discount_amount"))).isEqualTo(new BigDecimal("19500.00"));
        assertThat(cement.get("invoiced_quantity").decimalValue()).isEqualByComparingTo("120");
        assertThat(amount(cement.get("line_extension_amount"))).isEqualTo(new BigDecimal("760500.00"));
        assertThat(cement.get("item").get("name").asText()).isEqualTo("Cement (50kg bags)");
        assertThat(amount(cement.get("price").get("price_amount"))).isEqualTo(new BigDecimal("6500.00"));
        assertThat(cement.get("price").get("price_unit").asText()).isEqualTo("NGN per 1");
        JsonNode rice = p.get("invoice_line").get(1);
        assertThat(rice.has("discount_rate")).as("no discount, no discount fields").isFalse();
        assertThat(rice.has("discount_amount")).isFalse();

        // Payable through the pay page, by transfer or card, by the due date.
        assertThat(p.get("payment_means").findValuesAsText("payment_means_code")).containsExactly("30", "48");
        assertThat(p.get("payment_means").findValuesAsText("payment_due_date")).containsOnly("2026-12-20");
    }

    static void assertSubtotal(JsonNode sub, String category, String percent, String taxable, String tax) {
        assertThat(sub.get("tax_category").get("id").asText()).isEqualTo(category);
        assertThat(sub.get("tax_category").get("percent").decimalValue()).isEqualByComparingTo(percent);
        assertThat(amount(sub.get("taxable_amount"))).isEqualTo(new BigDecimal(taxable));
        assertThat(amount(sub.get("tax_amount"))).isEqualTo(new BigDecimal(tax));
    }

    @Test
    void aCreditNoteIsNrsType380AndReferencesTheInvoiceItCreditsByIrnAndIssueDate() throws Exception {
        InvoiceDocument credit = firstCreditNote(7);
        JsonNode p = wire(credit);
        assertThat(p.get("invoice_type_code").asText()).isEqualTo("380");
        assertThat(p.get("billing_reference")).hasSize(1);
        assertThat(p.get("billing_reference").get(0).get("irn").asText()).isEqualTo(credit.original().irn());
        assertThat(p.get("billing_reference").get(0).get("issue_date").asText()).isEqualTo(credit.original().issueDate().toString());
        assertThat(p.get("note").asText()).startsWith("Goods returned");
        assertThat(p.has("payment_means")).as("nothing to pay on a credit note").isFalse();
        assertThat(amount(p.get("legal_monetary_total").get("payable_amount"))).isPositive();
    }

    @Test
    void aLineWithoutItsOwnNrsClassificationTakesTheConfiguredDefaults() throws Exception {
        Random random = new Random(11);
        boolean sawDefault = false;
        boolean sawOwn = false;
        for (int i = 0; i < 50; i++) {
            InvoiceDocument doc = SampleDocuments.random(random);
            JsonNode lines = wire(doc).get("invoice_line");
            for (int j = 0; j < doc.lines().size(); j++) {
                InvoiceDocument.Line line = doc.lines().get(j);
                String hsn = lines.get(j).get("hsn_code").asText();
                String category = lines.get(j).get("product_category").asText();
                assertThat(hsn).isEqualTo(line.hsnCode() == null ? "9999.00" : line.hsnCode());
                assertThat(category).isEqualTo(line.productCategory() == null ? "General goods and services" : line.productCategory());
                sawDefault |= line.hsnCode() == null;
                sawOwn |= line.hsnCode() != null;
            }
        }
        assertThat(sawDefault && sawOwn).isTrue();
    }

    @Test
    void aTelephoneIsSentInPlusFormOrNotAtAll() throws Exception {
        assertThat(NrsInvoicePayload.telephone("0803 123 4567", "NG")).isEqualTo("+2348031234567");
        assertThat(NrsInvoicePayload.telephone("08031234567", "NG")).isEqualTo("+2348031234567");
        assertThat(NrsInvoicePayload.telephone("8031234567", "NG")).isEqualTo("+2348031234567");
        assertThat(NrsInvoicePayload.telephone("2348031234567", "NG")).isEqualTo("+2348031234567");
        assertThat(NrsInvoicePayload.telephone("+234 (0) 803-123-4567", "NG")).isEqualTo("+2348031234567");
        assertThat(NrsInvoicePayload.telephone("+234 803 123 4567", "NG")).isEqualTo("+2348031234567");
        assertThat(NrsInvoicePayload.telephone("01 234 5678", "NG")).as("a Lagos landline").isEqualTo("+23412345678");
        assertThat(NrsInvoicePayload.telephone("0044 20 7946 0958", "NG")).isEqualTo("+442079460958");
        assertThat(NrsInvoicePayload.telephone("+44 20 7946 0958", "NG")).isEqualTo("+442079460958");
        for (String invalid : new String[] {null, "", "  ", "12345", "0803 123", "+234 803 123 45678 9", "call me", "0803-123-4567 ext 2", "+"}) {
            assertThat(NrsInvoicePayload.telephone(invalid, "NG")).as(String.valueOf(invalid)).isNull();
        }
        // A Ghanaian national number is not made Nigerian; its international form passes as it is.
        assertThat(NrsInvoicePayload.telephone("024 123 4567", "GH")).isNull();
        assertThat(NrsInvoicePayload.telephone("+233 24 123 4567", "GH")).isEqualTo("+233241234567");

        InvoiceDocument named = SampleDocuments.named();
        Party customer = named.customer();
        InvoiceDocument national = withCustomer(named, new Party(customer.name(), customer.tin(), customer.email(), "0803 123 4567", customer.address()));
        assertThat(wire(national).get("accounting_customer_party").get("telephone").asText()).isEqualTo("+2348031234567");
        assertSandboxAccepts(national);
        InvoiceDocument garbled = withCustomer(named, new Party(customer.name(), customer.tin(), customer.email(), "ask reception", customer.address()));
        assertThat(wire(garbled).get("accounting_customer_party").has("telephone")).isFalse();
        assertSandboxAccepts(garbled);
    }

    @Test
    void theSandboxStillRefusesWhatNrsWouldSoTheseTestsCanFail() throws Exception {
        ObjectNode payload = NrsInvoicePayload.of(SampleDocuments.named(), BUSINESS_ID, DEFAULTS);
        ((ObjectNode) payload.get("invoice_line").get(0)).remove("hsn_code");
        ((ObjectNode) payload.get("accounting_customer_party")).put("telephone", "0803 123 4567");
        payload.put("invoice_type_code", "383");
        assertThatThrownBy(() -> sandbox.validate(payload, "invoice_validate"))
                .isInstanceOfSatisfying(NrsException.class, e -> assertThat(e.details())
                        .contains("invoice_line[0].hsn_code", "accounting_customer_party.telephone", "invoice_type_code: unknown code 383"));
    }

    @Test
    void linesWithoutTheirOwnCodesTakeTheTenantsInvoiceDefaultsBeforeTheConfiguredOnes() {
        ng.risiti.invoice.tenants.domain.KnownTenant tenant = SampleDocuments.supplier();
        ng.risiti.invoice.documents.config.NrsInvoiceConfig config = new ng.risiti.invoice.documents.config.NrsInvoiceConfig() {
            @Override
            public String defaultHsnCode() {
                return "9999.00";
            }

            @Override
            public String defaultProductCategory() {
                return "General goods and services";
            }
        };
        assertThat(LineDefaults.of(tenant, config)).isEqualTo(new LineDefaults("9999.00", "General goods and services"));
        tenant.defaultHsnCode = "9983.13";
        tenant.defaultProductCategory = "IT services";
        assertThat(LineDefaults.of(tenant, config)).isEqualTo(new LineDefaults("9983.13", "IT services"));
    }
}
