package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import ng.risiti.invoice.documents.SampleDocuments;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Irn;
import ng.risiti.invoice.invoices.domain.Kobo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The UBL of invoices and credit notes against the reference EN 16931 validator (UBL 2.1 XSD + CEN schematron), for
 * named shapes and for random documents priced by the real domain; plus the facts a reader of our XML relies on.
 */
class UblXmlTests {

    private static final long SEED = 20261126L;
    private static final int RANDOM_DOCUMENTS = 300;

    private static En16931Validator validator;
    private static long started;

    @BeforeAll
    static void compileTheRules() {
        started = System.nanoTime();
        validator = En16931Validator.shared();
    }

    @AfterAll
    static void reportTime() {
        System.out.printf("UblXmlTests: %d ms including the validator's set-up%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void theNamedSampleIsAValidInvoiceWithItsIrnTotalsAndOneVatBreakdownPerCategory() throws Exception {
        InvoiceDocument document = SampleDocuments.named();
        Document xml = validUbl(document);

        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("Invoice");
        assertThat(text(xml, "/inv:Invoice/cbc:CustomizationID")).isEqualTo("urn:cen.eu:en16931:2017");
        assertThat(text(xml, "/inv:Invoice/cbc:ID")).isEqualTo("INV-2026-042");
        assertThat(text(xml, "/inv:Invoice/cbc:InvoiceTypeCode")).isEqualTo("380");
        assertThat(text(xml, "/inv:Invoice/cbc:DueDate")).isEqualTo("2026-12-20");
        assertThat(text(xml, "/inv:Invoice/cac:AdditionalDocumentReference[cbc:DocumentDescription='IRN']/cbc:ID"))
                .isEqualTo(document.irn()).isEqualTo("INV2026042-94ND90NR-20261120");
        assertTotalsAre(xml, "inv:Invoice", document);
        assertThat(count(xml, "//cac:TaxSubtotal")).isEqualTo(3);
        assertThat(text(xml, "//cac:TaxSubtotal[cac:TaxCategory/cbc:ID='E']/cac:TaxCategory/cbc:TaxExemptionReason"))
                .isEqualTo(InvoiceDocument.EXEMPTION_REASON);
        assertThat(text(xml, "//cac:TaxSubtotal[cac:TaxCategory/cbc:ID='S']/cac:TaxCategory/cbc:Percent")).isEqualTo("7.5");
        // The seller's TIN as its NG VAT identifier; the discount as an allowance off the gross of the line it reduces.
        assertThat(text(xml, "//cac:AccountingSupplierParty//cac:PartyTaxScheme/cbc:CompanyID")).isEqualTo("NG12345678-0001");
        assertThat(text(xml, "//cac:AccountingCustomerParty//cac:PartyTaxScheme/cbc:CompanyID")).isEqualTo("NG98765432-0001");
        InvoiceDocument.Line cement = document.lines().getFirst();
        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='1']/cac:AllowanceCharge/cbc:Amount")).isEqualTo(cement.discount().toNairaString());
        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='1']/cac:AllowanceCharge/cbc:BaseAmount")).isEqualTo(cement.gross().toNairaString());
        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='1']/cbc:LineExtensionAmount")).isEqualTo(cement.net().toNairaString());
        assertThat(count(xml, "//cac:InvoiceLine[cbc:ID='2']/cac:AllowanceCharge")).isZero();
        assertThat(text(xml, "//cac:PaymentMeans/cbc:PaymentMeansCode")).isEqualTo("68");
        assertThat(text(xml, "//cac:PaymentTerms/cbc:Note")).contains(document.payUrl());
    }

    @Test
    void aSingleStandardRatedLineIsValid() throws Exception {
        InvoiceDocument document = finalized(invoice("INV-1", List.of(line("Consulting", "1", 5_000_000, "0", "S", "7.5"))), null);
        Document xml = validUbl(document);

        assertThat(count(xml, "//cac:InvoiceLine")).isEqualTo(1);
        assertThat(text(xml, "/inv:Invoice/cac:TaxTotal/cbc:TaxAmount")).isEqualTo("3750.00");
        assertTotalsAre(xml, "inv:Invoice", document);
    }

    @Test
    void anAllExemptInvoiceIsValidWithItsExemptionReasonAndNoVat() throws Exception {
        InvoiceDocument document = finalized(invoice("INV-2", List.of(
                line("Printed training manuals", "3", 1_250_050, "0", "E", "0"),
                line("Medical supplies", "7", 99_999, "12.5", "E", "0"))), null);
        Document xml = validUbl(document);

        assertThat(count(xml, "//cac:TaxSubtotal")).isEqualTo(1);
        assertThat(text(xml, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID")).isEqualTo("E");
        assertThat(text(xml, "/inv:Invoice/cac:TaxTotal/cbc:TaxAmount")).isEqualTo("0.00");
        assertTotalsAre(xml, "inv:Invoice", document);
    }

    @Test
    void anAllZeroRatedInvoiceIsValidWithoutAnExemptionReason() throws Exception {
        InvoiceDocument document = finalized(invoice("INV-3", List.of(
                line("Rice (50kg)", "10", 7_500_000, "0", "Z", "0"),
                line("Exported cocoa", "2.5", 40_000_000, "3", "Z", "0"))), null);
        Document xml = validUbl(document);

        assertThat(text(xml, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID")).isEqualTo("Z");
        assertThat(count(xml, "//cbc:TaxExemptionReason")).isZero();
        assertTotalsAre(xml, "inv:Invoice", document);
    }

    @Test
    void aCustomerWithoutTinPhoneOrAddressIsStillValidAndNigerian() throws Exception {
        Invoice invoice = invoice("INV-4", List.of(line("Diesel", "100", 95_000, "0", "S", "7.5")));
        invoice.customerTin = null;
        invoice.customerPhone = null;
        invoice.customerEmail = null;
        InvoiceDocument document = finalized(invoice, null);
        Document xml = validUbl(document);

        assertThat(count(xml, "//cac:AccountingCustomerParty//cac:PartyTaxScheme")).isZero();
        assertThat(count(xml, "//cac:AccountingCustomerParty//cac:Contact")).isZero();
        assertThat(count(xml, "//cac:AccountingCustomerParty//cbc:StreetName")).isZero();
        assertThat(text(xml, "//cac:AccountingCustomerParty//cac:Country/cbc:IdentificationCode")).isEqualTo("NG");
    }

    @Test
    void aCreditNoteIsAValidCreditNoteReferencingTheInvoiceItCredits() throws Exception {
        Invoice original = invoice("INV-2026-077", List.of(
                line("Cement (50kg bags)", "120", 650_000, "2.5", "S", "7.5"),
                line("Rice (50kg)", "10", 7_500_000, "0", "Z", "0")));
        InvoiceDocument invoiceDocument = finalized(original, null);
        Invoice credit = invoice("CN-2026-001", List.of(line("Cement (50kg bags)", "20", 650_000, "2.5", "S", "7.5")));
        credit.type = InvoiceType.CREDIT_NOTE;
        credit.issueDate = original.issueDate.plusDays(5);
        credit.dueDate = credit.issueDate.plusDays(14);
        credit.creditReason = "Goods returned: 20 bags damaged";
        InvoiceDocument document = finalized(credit, original);
        Document xml = validUbl(document);

        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("CreditNote");
        assertThat(text(xml, "/cn:CreditNote/cbc:CreditNoteTypeCode")).isEqualTo("381");
        assertThat(text(xml, "/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID")).isEqualTo("INV-2026-077");
        assertThat(text(xml, "/cn:CreditNote/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"))
                .isEqualTo(original.issueDate.toString());
        assertThat(text(xml, "/cn:CreditNote/cac:AdditionalDocumentReference[cbc:DocumentDescription='IRN']/cbc:ID")).isEqualTo(document.irn());
        assertThat(text(xml, "/cn:CreditNote/cac:AdditionalDocumentReference[cbc:DocumentDescription='IRN of the credited invoice']/cbc:ID"))
                .isEqualTo(invoiceDocument.irn());
        assertThat(text(xml, "/cn:CreditNote/cbc:Note")).isEqualTo("Reason for credit: Goods returned: 20 bags damaged");
        assertThat(text(xml, "/cn:CreditNote/cac:PaymentMeans/cbc:PaymentDueDate")).isEqualTo(credit.dueDate.toString());
        assertThat(count(xml, "//cac:CreditNoteLine/cbc:CreditedQuantity")).isEqualTo(1);
        assertTotalsAre(xml, "cn:CreditNote", document);
    }

    @Test
    void tinyFractionalAndHugeQuantitiesAreValidAndWrittenExactly() throws Exception {
        InvoiceDocument document = finalized(invoice("INV-5", List.of(
                line("Gold (grams)", "0.0001", 9_999_999, "0", "S", "7.5"),
                line("Bandwidth (GB)", "0.0003", 1, "0", "Z", "0"),
                line("Cement (bags)", "1000000", 650_000, "12.34", "S", "7.5"),
                line("Diesel (litres)", "12345.6789", 95_123, "0.01", "S", "5"))), null);
        Document xml = validUbl(document);

        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='1']/cbc:InvoicedQuantity")).isEqualTo("0.0001");
        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='3']/cbc:InvoicedQuantity")).isEqualTo("1000000");
        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='4']/cbc:InvoicedQuantity")).isEqualTo("12345.6789");
        assertThat(count(xml, "//cac:TaxSubtotal")).isEqualTo(3);
        assertTotalsAre(xml, "inv:Invoice", document);
    }

    @Test
    void aFortyLineInvoiceIsValidThoughItsVatIsSummedLineByLine() throws Exception {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Prices ending in odd kobo with 7.5% VAT: each line's VAT is rounded on its own, so the sum drifts from
            // VAT on the summed nets by up to half a kobo a line, which EN 16931 tolerates (BR-CO-17, BR-S-09: ±1.00).
            lines.add(line("Item " + i, Integer.toString(1 + i % 7), 100_007 + 13L * i, i % 5 == 0 ? "2.5" : "0", "S", "7.5"));
        }
        InvoiceDocument document = finalized(invoice("INV-6", lines), null);
        Document xml = validUbl(document);

        assertThat(count(xml, "//cac:InvoiceLine")).isEqualTo(40);
        assertTotalsAre(xml, "inv:Invoice", document);
    }

    @Test
    void aHundredLinesAtTheWorstPerLineRoundingStayWithinEn16931sVatTolerance() throws Exception {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // A 20-kobo net owes 1.5 kobo of VAT at 7.5%, rounded up to 2 on the line: +0.5 kobo a line, the most there
            // can be. 100 lines (the API's maximum) drift ₦0.50 from VAT on the summed nets, inside BR-CO-17's ±₦1.00.
            lines.add(line("Sachet water", "1", 20, "0", "S", "7.5"));
        }
        InvoiceDocument document = finalized(invoice("INV-8", lines), null);
        Document xml = validUbl(document);

        assertThat(text(xml, "//cac:TaxSubtotal/cbc:TaxableAmount")).isEqualTo("20.00");
        assertThat(text(xml, "//cac:TaxSubtotal/cbc:TaxAmount")).isEqualTo("2.00");
        assertTotalsAre(xml, "inv:Invoice", document);
    }

    @Test
    void markupAndYorubaDiacriticsSurviveAndAStrayControlCharacterCannotBreakTheXml() throws Exception {
        Invoice invoice = invoice("INV-7", List.of(
                line("Ẹ̀kọ́ books & <Audit Q3> \"notes\"", "2", 150_000, "0", "E", "0"),
                line("Pasted\u0007 text", "1", 100_000, "0", "S", "7.5")));
        invoice.customerName = "Ọlọ́rúnṣògo Adébáyọ̀ & Sons";
        invoice.notes = "Delivery to Ìbàdàn <gate 2>";
        InvoiceDocument document = finalized(invoice, null);
        Document xml = validUbl(document);

        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='1']/cac:Item/cbc:Name")).isEqualTo("Ẹ̀kọ́ books & <Audit Q3> \"notes\"");
        assertThat(text(xml, "//cac:InvoiceLine[cbc:ID='2']/cac:Item/cbc:Name")).isEqualTo("Pasted\uFFFD text");
        assertThat(text(xml, "//cac:AccountingCustomerParty//cbc:RegistrationName")).isEqualTo("Ọlọ́rúnṣògo Adébáyọ̀ & Sons");
        assertThat(text(xml, "/inv:Invoice/cbc:Note")).isEqualTo("Delivery to Ìbàdàn <gate 2>");
    }

    @Test
    void randomDocumentsAllValidate() throws Exception {
        System.out.printf("UblXmlTests: %d random documents from seed %d%n", RANDOM_DOCUMENTS, SEED);
        Random random = new Random(SEED);
        long begin = System.nanoTime();
        int creditNotes = 0;
        for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
            InvoiceDocument document = SampleDocuments.random(random);
            Document xml = validUbl(document);
            assertTotalsAre(xml, document.creditNote() ? "cn:CreditNote" : "inv:Invoice", document);
            creditNotes += document.creditNote() ? 1 : 0;
        }
        System.out.printf("UblXmlTests: %d random documents (%d credit notes) valid in %d ms%n", RANDOM_DOCUMENTS, creditNotes,
                (System.nanoTime() - begin) / 1_000_000);
        assertThat(creditNotes).as("the generator makes credit notes too").isPositive();
    }

    @Test
    void theValidatorIsLiveAndRejectsAPayableAmountOffByOneKoboAMissingTypeCodeAndASchemaViolation() {
        String xml = new String(UblXml.of(SampleDocuments.named()), StandardCharsets.UTF_8);

        assertThat(errorsOf(xml.replace("<cbc:PayableAmount currencyID=\"NGN\">1605039.00<", "<cbc:PayableAmount currencyID=\"NGN\">1605039.01<")))
                .anyMatch(error -> error.contains("BR-CO-16"));
        assertThat(errorsOf(xml.replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", ""))).anyMatch(error -> error.contains("BR-04"));
        assertThat(errorsOf(xml.replace("cbc:DueDate", "cbc:PaymentDate"))).anyMatch(error -> error.contains("PaymentDate"));
    }

    @Test
    void onlyCharactersXmlForbidsAreReplaced() {
        assertThat(UblXml.text("Ẹ̀kọ́ 😀 tab\there")).isEqualTo("Ẹ̀kọ́ 😀 tab\there");
        assertThat(UblXml.text("bell\u0007 nul\u0000 lone\uD800 end\uFFFF")).isEqualTo("bell\uFFFD nul\uFFFD lone\uFFFD end\uFFFD");
    }

    private static List<String> errorsOf(String xml) {
        return validator.validate("mutated", xml.getBytes(StandardCharsets.UTF_8), false).errors();
    }

    /** Writes the document, validates it with the reference validator and fails with every error it reports. */
    private static Document validUbl(InvoiceDocument document) {
        byte[] bytes = UblXml.of(document);
        En16931Validator.Findings findings = validator.validate(document.number(), bytes, document.creditNote());
        if (!findings.warnings().isEmpty()) {
            System.out.println("UblXmlTests: warnings on " + document.number() + ":\n  " + String.join("\n  ", findings.warnings()));
        }
        assertThat(findings.errors())
                .as("EN 16931 errors in %s %s:%n%s", document.type(), document.number(), new String(bytes, StandardCharsets.UTF_8))
                .isEmpty();
        return En16931Validator.parse(bytes);
    }

    /** BT-106, BT-109, BT-110, BT-112 and BT-115 are the document's stored figures, to the kobo. */
    private static void assertTotalsAre(Document xml, String root, InvoiceDocument document) throws XPathExpressionException {
        String totals = "/" + root + "/cac:LegalMonetaryTotal/cbc:";
        assertThat(text(xml, totals + "LineExtensionAmount")).isEqualTo(document.lineTotal().toNairaString());
        assertThat(text(xml, totals + "TaxExclusiveAmount")).isEqualTo(document.lineTotal().toNairaString());
        assertThat(text(xml, totals + "TaxInclusiveAmount")).isEqualTo(document.total().toNairaString());
        assertThat(text(xml, totals + "PayableAmount")).isEqualTo(document.total().toNairaString());
        assertThat(text(xml, "/" + root + "/cac:TaxTotal/cbc:TaxAmount")).isEqualTo(document.taxTotal().toNairaString());
        assertThat(text(xml, "/" + root + "/cac:TaxTotal/cbc:TaxAmount/@currencyID")).isEqualTo(document.currency());
    }

    private static String text(Document xml, String path) throws XPathExpressionException {
        Node node = (Node) xpath().evaluate(path, xml, XPathConstants.NODE);
        assertThat(node).as("%s in the UBL", path).isNotNull();
        return node.getTextContent();
    }

    private static int count(Document xml, String path) throws XPathExpressionException {
        return ((Number) xpath().evaluate("count(" + path + ")", xml, XPathConstants.NUMBER)).intValue();
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "inv" -> UblXml.INVOICE_NS;
                    case "cn" -> UblXml.CREDIT_NOTE_NS;
                    case "cac" -> UblXml.CAC;
                    case "cbc" -> UblXml.CBC;
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceUri) {
                return null;
            }
        });
        return xpath;
    }

    // Named shapes, priced by the real domain as SampleDocuments prices its own.

    private static Invoice invoice(String number, List<InvoiceLine> lines) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.tenantId = SampleDocuments.supplier().id;
        invoice.invoiceNumber = number;
        invoice.customerId = UUID.randomUUID();
        invoice.customerName = "Dangote Cement Plc";
        invoice.customerTin = "98765432-0001";
        invoice.customerEmail = "accounts@dangote.ng";
        invoice.customerPhone = "+2348012345678";
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = "NGN";
        invoice.issueDate = LocalDate.of(2026, 11, 20);
        invoice.dueDate = invoice.issueDate.plusDays(30);
        invoice.publicToken = UUID.randomUUID();
        invoice.setLines(lines);
        return invoice;
    }

    private static InvoiceLine line(String description, String quantity, long unitPriceKobo, String discount, String category, String percent) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.description = description;
        line.quantity = new BigDecimal(quantity);
        line.unitPrice = Kobo.of(unitPriceKobo);
        line.discountPercent = new BigDecimal(discount);
        line.vatCategory = category;
        line.taxPercent = new BigDecimal(percent);
        return line;
    }

    private static InvoiceDocument finalized(Invoice invoice, Invoice original) {
        if (invoice.status == InvoiceStatus.DRAFT) {
            invoice.finalizeWith(Irn.of(invoice.invoiceNumber, SampleDocuments.supplier().nrsServiceId, invoice.issueDate), "sig",
                    OffsetDateTime.of(invoice.issueDate.atTime(10, 30), ZoneOffset.ofHours(1)));
        }
        if (original != null && original.status == InvoiceStatus.DRAFT) {
            finalized(original, null);
        }
        String payUrl = invoice.type == InvoiceType.CREDIT_NOTE ? null : "https://risiti.ng/p/" + invoice.publicToken + "/pay";
        return InvoiceDocument.of(invoice, SampleDocuments.supplier(), original, payUrl);
    }
}
