package ng.risiti.nrs.sandbox.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import ng.risiti.nrs.sandbox.NrsException;
import org.junit.jupiter.api.Test;

class InvoiceValidatorTests {

    static final String IRN = "INV0042-94ND90NR-20250611";

    final ObjectMapper json = new ObjectMapper();
    final CodeLists codeLists = new CodeLists();
    final InvoiceValidator validator = new InvoiceValidator(codeLists);

    ObjectNode invoice() throws Exception {
        return (ObjectNode) json.readTree("""
            {"business_id":"6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f","irn":"%s","issue_date":"2025-06-11","issue_time":"10:30:00",
             "invoice_type_code":"381","document_currency_code":"NGN","tax_currency_code":"NGN",
             "accounting_supplier_party":{"party_name":"Ada Ventures","tin":"12345678-0001","email":"ada@example.ng",
               "postal_address":{"street_name":"1 Broad St","city_name":"Lagos","postal_zone":"100001","country":"NG"}},
             "accounting_customer_party":{"party_name":"Bola Stores","tin":"87654321-0001","email":"bola@example.ng",
               "telephone":"+2348031234567"},
             "tax_total":[{"tax_amount":75.00,"tax_subtotal":[{"taxable_amount":1000.00,"tax_amount":75.00,"tax_category":{"id":"STANDARD_VAT","percent":7.5}}]}],
             "legal_monetary_total":{"line_extension_amount":1000.00,"tax_exclusive_amount":1000.00,"tax_inclusive_amount":1075.00,"payable_amount":1075.00},
             "invoice_line":[{"hsn_code":"9983.11","product_category":"Professional services","discount_rate":0,"discount_amount":0,
               "invoiced_quantity":1,"line_extension_amount":1000.00,"item":{"name":"Consulting","description":"Consulting"},
               "price":{"price_amount":1000.00,"base_quantity":1,"price_unit":"NGN per 1"}}]}
            """.formatted(IRN));
    }

    String problems(ObjectNode doc) {
        try {
            validator.validate(doc, "invoice_validate");
            return "";
        } catch (NrsException e) {
            return e.details();
        }
    }

    @Test
    void aCompleteInvoiceIsAccepted() throws Exception {
        assertThat(validator.validate(invoice(), "invoice_validate").value()).isEqualTo(IRN);
    }

    @Test
    void everyLineNeedsItsHsnCodeAndProductCategoryAndTheDocumentItsTaxTotal() throws Exception {
        ObjectNode doc = invoice();
        ((ObjectNode) doc.get("invoice_line").get(0)).remove("hsn_code");
        ((ObjectNode) doc.get("invoice_line").get(0)).put("product_category", " ");
        doc.remove("tax_total");
        assertThat(problems(doc))
                .contains("invoice_line[0].hsn_code: is required")
                .contains("invoice_line[0].product_category: is required")
                .contains("tax_total: at least one tax total is required");
    }

    @Test
    void taxCategoriesAreNrsOwnExemptIsExemptedNotVatExempted() throws Exception {
        ObjectNode doc = invoice();
        ObjectNode category = (ObjectNode) doc.get("tax_total").get(0).get("tax_subtotal").get(0).get("tax_category");
        category.put("id", "VAT_EXEMPTED");
        assertThat(problems(doc)).contains("tax_total[0].tax_subtotal[0].tax_category.id: unknown tax category VAT_EXEMPTED");
        category.put("id", "EXEMPTED").put("percent", 0);
        assertThat(problems(doc)).isEmpty();
        category.remove("percent");
        assertThat(problems(doc)).contains("tax_total[0].tax_subtotal[0].tax_category.percent: is required");
    }

    @Test
    void aTelephoneIsPlusCountryCodeThenDigits() throws Exception {
        ObjectNode doc = invoice();
        ObjectNode customer = (ObjectNode) doc.get("accounting_customer_party");
        for (String bad : new String[] {"08031234567", "+234 803 123 4567", "+234-803-1234567", "+"}) {
            customer.put("telephone", bad);
            assertThat(problems(doc)).as(bad).contains("accounting_customer_party.telephone: must be + and the country code");
        }
        customer.put("telephone", "+23480254099000");
        assertThat(problems(doc)).isEmpty();
    }

    @Test
    void aConsumerBuyerMayHaveNoTinButTheSupplierMust() throws Exception {
        ObjectNode doc = invoice();
        ((ObjectNode) doc.get("accounting_customer_party")).remove("tin");
        assertThat(problems(doc)).isEmpty();
        ((ObjectNode) doc.get("accounting_supplier_party")).remove("tin");
        assertThat(problems(doc)).isEqualTo("accounting_supplier_party.tin: is required");
    }

    @Test
    void aCreditNoteReferencesSignedInvoicesByIrnAndDate() throws Exception {
        ObjectNode doc = invoice().put("invoice_type_code", "380");
        ArrayNode refs = doc.putArray("billing_reference");
        refs.addObject().put("irn", "INV0041-94ND90NR-20250601").put("issue_date", "2025-06-01");
        assertThat(problems(doc)).isEmpty();
        refs.addObject().put("irn", "INV-0041").put("issue_date", "01/06/2025");
        assertThat(problems(doc))
                .contains("billing_reference[1].irn: must be the IRN of a document NRS has signed")
                .contains("billing_reference[1].issue_date: must be a date YYYY-MM-DD");
    }

    @Test
    void invoiceTypesAreNrsOwnListNotUncl1001() {
        assertThat(codeLists.invoiceTypes())
                .contains(Map.of("code", "381", "value", "Commercial Invoice"),
                        Map.of("code", "380", "value", "Credit Note"),
                        Map.of("code", "396", "value", "Invoice Request"))
                .hasSize(20);
        assertThat(codeLists.isInvoiceType("383")).isFalse();
    }
}
