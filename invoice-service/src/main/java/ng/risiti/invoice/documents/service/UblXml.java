package ng.risiti.invoice.documents.service;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Line;
import ng.risiti.invoice.documents.domain.InvoiceDocument.OriginalInvoice;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Party;
import ng.risiti.invoice.documents.domain.InvoiceDocument.TaxSubtotal;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * The OASIS UBL 2.1 rendering of a document: an {@code Invoice} (type 380) or a {@code CreditNote} (type 381)
 * conforming to EN 16931 ({@code urn:cen.eu:en16931:2017}). Written with the JDK's StAX writer, in the element order
 * the UBL 2.1 schema requires, from the document's stored figures only: every amount is a kobo value the domain
 * already rounded, so the EN 16931 sums (BR-CO-10/13/14/15) hold to the kobo by construction.
 */
public final class UblXml {

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /** BT-24: the document follows the EN 16931 core, with no CIUS of its own. */
    static final String CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017";
    /** BT-23: NRS defines no UBL business process, so this names Risiti's own: invoice, online payment, credit note. */
    static final String PROFILE_ID = "urn:risiti.ng:billing:1.0";
    /** BT-123 of the supporting document that carries the IRN, the key NRS files the invoice under. */
    static final String IRN_DESCRIPTION = "IRN";
    static final String CREDITED_IRN_DESCRIPTION = "IRN of the credited invoice";
    /** UN/ECE Rec. 20 "one": quantities are counts of the line's unit, which Risiti does not record. */
    static final String UNIT_CODE = "C62";
    /** The country that issues the NRS TIN, as the ISO prefix BR-CO-09 wants on a VAT identifier. */
    static final String TIN_COUNTRY = "NG";

    private final XMLStreamWriter xml;
    private final String currency;

    private UblXml(XMLStreamWriter xml, String currency) {
        this.xml = xml;
        this.currency = currency;
    }

    public static byte[] of(InvoiceDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            // The JDK's own implementation, not a ServiceLoader lookup: the same writer on the JVM and in a native image.
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            new UblXml(writer, document.currency()).document(document);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            // Writing to memory cannot fail on I/O; this is a bug in the writer's calls.
            throw new IllegalStateException("could not write the UBL of " + document.number(), e);
        }
        return out.toByteArray();
    }

    private void document(InvoiceDocument document) throws XMLStreamException {
        boolean credit = document.creditNote();
        String root = credit ? "CreditNote" : "Invoice";
        xml.setDefaultNamespace(credit ? CREDIT_NOTE_NS : INVOICE_NS);
        xml.setPrefix("cac", CAC);
        xml.setPrefix("cbc", CBC);
        xml.writeStartElement(credit ? CREDIT_NOTE_NS : INVOICE_NS, root);
        xml.writeDefaultNamespace(credit ? CREDIT_NOTE_NS : INVOICE_NS);
        xml.writeNamespace("cac", CAC);
        xml.writeNamespace("cbc", CBC);

        cbc("CustomizationID", CUSTOMIZATION_ID);
        cbc("ProfileID", PROFILE_ID);
        cbc("ID", document.number());
        cbc("IssueDate", document.issueDate());
        if (credit) {
            // A UBL 2.1 CreditNote has no cbc:DueDate; EN 16931 carries its BT-9 in PaymentMeans/PaymentDueDate.
            cbc("CreditNoteTypeCode", "381");
        } else {
            cbc("DueDate", document.dueDate());
            cbc("InvoiceTypeCode", "380");
        }
        cbc("Note", document.notes());
        if (credit && present(document.creditReason())) {
            cbc("Note", "Reason for credit: " + document.creditReason());
        }
        if (document.withholding() != null) {
            // EN 16931 has no withholding term and folding it into VAT would be wrong: it is a note for the payer
            cbc("Note", withholdingNote(document.withholding(), document.total(), currency));
        }
        cbc("DocumentCurrencyCode", currency);

        if (credit && document.original() != null) {
            precedingInvoice(document.original());
        }
        // NRS identifies the document by its IRN. EN 16931 has no term for a tax authority's reference and cbc:UUID is
        // discouraged (UBL-CR-005) and meant for a UUID, so the IRN travels as a supporting document reference (BG-24).
        supportingReference(document.irn(), IRN_DESCRIPTION);
        if (credit && document.original() != null) {
            supportingReference(document.original().irn(), CREDITED_IRN_DESCRIPTION);
        }

        start("AccountingSupplierParty");
        party(document.supplier());
        end();
        start("AccountingCustomerParty");
        party(document.customer());
        end();

        paymentMeans(document);
        if (!credit && present(document.payUrl())) {
            start("PaymentTerms");
            cbc("Note", "Pay online at " + document.payUrl());
            end();
        }

        taxTotal(document);
        // WHT seam: withholding tax is not on the document yet. EN 16931 has no term for it; a UBL 2.1 Invoice can
        // still carry it as cac:WithholdingTaxTotal right here (a UBL-CR-513 warning, not an error), a CreditNote cannot.
        monetaryTotal(document);

        for (Line line : document.lines()) {
            line(line, credit);
        }
        xml.writeEndElement();
    }

    static String withholdingNote(InvoiceDocument.Withholding withholding, Kobo total, String currency) {
        return "Withholding tax: " + currency + " " + withholding.amount().toNairaString() + " ("
                + withholding.percent().stripTrailingZeros().toPlainString() + "% of the amount before VAT) is deducted by the payer and"
                + " remitted to NRS; it is not part of the payable amount. Net payment after withholding: " + currency + " "
                + withholding.netOf(total).toNairaString() + ".";
    }

    /** BG-3: the invoice a credit note credits; EN 16931 allows only its number and issue date here. */
    private void precedingInvoice(OriginalInvoice original) throws XMLStreamException {
        start("BillingReference");
        start("InvoiceDocumentReference");
        cbc("ID", original.number());
        cbc("IssueDate", original.issueDate());
        end();
        end();
    }

    private void supportingReference(String id, String description) throws XMLStreamException {
        if (!present(id)) {
            return;
        }
        start("AdditionalDocumentReference");
        cbc("ID", id);
        cbc("DocumentDescription", description);
        end();
    }

    /**
     * BG-4/BG-7. The NRS TIN goes in as the party's VAT identifier (BT-31/BT-48): Nigeria registers VAT under the TIN,
     * so it is the VAT identifier, and BR-CO-09 wants it prefixed by the issuing country, always NG for an NRS TIN
     * whatever the party's address. The seller's satisfies BR-CO-26 and BR-S/Z/E-02; a buyer without a TIN simply has none.
     */
    private void party(Party party) throws XMLStreamException {
        start("Party");
        start("PostalAddress");
        cbc("StreetName", party.address().street());
        cbc("CityName", party.address().city());
        cbc("PostalZone", party.address().postalZone());
        start("Country");
        cbc("IdentificationCode", party.address().country());
        end();
        end();
        if (present(party.tin())) {
            start("PartyTaxScheme");
            cbc("CompanyID", TIN_COUNTRY + party.tin().strip());
            taxScheme();
            end();
        }
        start("PartyLegalEntity");
        cbc("RegistrationName", party.name());
        end();
        if (present(party.phone()) || present(party.email())) {
            start("Contact");
            cbc("Telephone", party.phone());
            cbc("ElectronicMail", party.email());
            end();
        }
        end();
    }

    /**
     * BG-16. We hold no bank account of the tenant, so no credit transfer (30/58 would need one, BR-50/BR-61): an
     * invoice with a pay page is paid through an online payment service (68, the page in the payment terms); anything
     * else says "instrument not defined" (1), a credit note included, since a refund may be cash, transfer or offset.
     * The payment id (BT-83) is the document number, what the payer quotes.
     */
    private void paymentMeans(InvoiceDocument document) throws XMLStreamException {
        boolean online = !document.creditNote() && present(document.payUrl());
        start("PaymentMeans");
        cbc("PaymentMeansCode", online ? "68" : "1");
        if (document.creditNote()) {
            cbc("PaymentDueDate", document.dueDate());
        }
        cbc("PaymentID", document.number());
        end();
    }

    /** BG-23: one breakdown per VAT category and rate, as the document sums them from its lines. */
    private void taxTotal(InvoiceDocument document) throws XMLStreamException {
        start("TaxTotal");
        amount("TaxAmount", document.taxTotal());
        for (TaxSubtotal subtotal : document.taxSubtotals()) {
            start("TaxSubtotal");
            amount("TaxableAmount", subtotal.taxable());
            amount("TaxAmount", subtotal.tax());
            start("TaxCategory");
            cbc("ID", subtotal.category());
            cbc("Percent", percent(subtotal.percent()));
            cbc("TaxExemptionReason", subtotal.exemptionReason());
            taxScheme();
            end();
            end();
        }
        end();
    }

    /** BG-22. No document-level allowances, charges or prepayments exist, so the net total is also the tax base. */
    private void monetaryTotal(InvoiceDocument document) throws XMLStreamException {
        start("LegalMonetaryTotal");
        amount("LineExtensionAmount", document.lineTotal());
        amount("TaxExclusiveAmount", document.lineTotal());
        amount("TaxInclusiveAmount", document.total());
        amount("PayableAmount", document.total());
        end();
    }

    /** BG-25: the line's stored net, its discount as a line allowance off the gross, and the undiscounted unit price. */
    private void line(Line line, boolean credit) throws XMLStreamException {
        start(credit ? "CreditNoteLine" : "InvoiceLine");
        cbc("ID", Integer.toString(line.position()));
        xml.writeStartElement(CBC, credit ? "CreditedQuantity" : "InvoicedQuantity");
        xml.writeAttribute("unitCode", UNIT_CODE);
        xml.writeCharacters(line.quantity().toPlainString());
        xml.writeEndElement();
        amount("LineExtensionAmount", line.net());
        if (line.discount().value() != 0) {
            start("AllowanceCharge");
            cbc("ChargeIndicator", "false");
            cbc("AllowanceChargeReasonCode", "95"); // UNCL5189 95 = Discount
            cbc("AllowanceChargeReason", "Discount");
            amount("Amount", line.discount());
            amount("BaseAmount", line.gross());
            end();
        }
        start("Item");
        cbc("Name", line.description());
        if (present(line.hsnCode())) {
            start("CommodityClassification");
            xml.writeStartElement(CBC, "ItemClassificationCode");
            xml.writeAttribute("listID", "HS"); // UNTDID 7143: Harmonised System, the code NRS classifies items by
            xml.writeCharacters(text(line.hsnCode()));
            xml.writeEndElement();
            end();
        }
        start("ClassifiedTaxCategory");
        cbc("ID", line.vatCategory());
        cbc("Percent", percent(line.vatPercent()));
        taxScheme();
        end();
        if (present(line.productCategory())) {
            start("AdditionalItemProperty");
            cbc("Name", "Product category");
            cbc("Value", line.productCategory());
            end();
        }
        end();
        start("Price");
        amount("PriceAmount", line.unitPrice());
        end();
        end();
    }

    private void taxScheme() throws XMLStreamException {
        start("TaxScheme");
        cbc("ID", "VAT");
        end();
    }

    private void start(String aggregate) throws XMLStreamException {
        xml.writeStartElement(CAC, aggregate);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    /** A basic component, left out when there is no value: an empty element is never valid EN 16931. */
    private void cbc(String name, String value) throws XMLStreamException {
        if (!present(value)) {
            return;
        }
        xml.writeStartElement(CBC, name);
        xml.writeCharacters(text(value.strip()));
        xml.writeEndElement();
    }

    private void cbc(String name, LocalDate date) throws XMLStreamException {
        if (date != null) {
            cbc(name, date.toString());
        }
    }

    /** Naira with exactly two decimals in the document currency (UBL-DT-01, BR-DEC-*), from the stored kobo. */
    private void amount(String name, Kobo kobo) throws XMLStreamException {
        xml.writeStartElement(CBC, name);
        xml.writeAttribute("currencyID", currency);
        xml.writeCharacters(kobo.toNairaString());
        xml.writeEndElement();
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * StAX escapes markup but writes any character it is given, and XML 1.0 forbids most control characters and lone
     * surrogates: a stray one pasted into a description would make the whole document unparseable, so it becomes U+FFFD.
     */
    static String text(String value) {
        StringBuilder clean = null;
        for (int i = 0; i < value.length(); ) {
            int point = value.codePointAt(i);
            int width = Character.charCount(point);
            boolean allowed = point == 0x9 || point == 0xA || point == 0xD || (point >= 0x20 && point <= 0xD7FF)
                    || (point >= 0xE000 && point <= 0xFFFD) || (point >= 0x10000 && point <= 0x10FFFF);
            if (!allowed && clean == null) {
                clean = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (clean != null) {
                if (allowed) {
                    clean.appendCodePoint(point);
                } else {
                    clean.append('\uFFFD');
                }
            }
            i += width;
        }
        return clean == null ? value : clean.toString();
    }
}
