package ng.risiti.invoice.documents.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.tenants.domain.KnownTenant;

/**
 * A finalized invoice or credit note as every rendering sees it: the one canonical source the UBL XML, the NRS JSON
 * payload and the PDF are built from, so the three can never disagree. Amounts are kobo; every figure is the stored,
 * already-rounded one (lines rounded half-up to the kobo, totals their sums), never recomputed here.
 */
public record InvoiceDocument(
        InvoiceType type,
        String number,
        String irn,
        LocalDate issueDate,
        LocalDate dueDate,
        OffsetDateTime finalizedAt,
        String currency,
        Party supplier,
        Party customer,
        List<Line> lines,
        Kobo lineTotal,
        Kobo taxTotal,
        Kobo total,
        String notes,
        OriginalInvoice original,
        String creditReason,
        String qrPayload,
        String signature,
        String footer,
        String logoUrl,
        String payUrl,
        Withholding withholding) {

    /** A document without withholding tax (most are). */
    public InvoiceDocument(InvoiceType type, String number, String irn, LocalDate issueDate, LocalDate dueDate, OffsetDateTime finalizedAt,
            String currency, Party supplier, Party customer, List<Line> lines, Kobo lineTotal, Kobo taxTotal, Kobo total, String notes,
            OriginalInvoice original, String creditReason, String qrPayload, String signature, String footer, String logoUrl, String payUrl) {
        this(type, number, irn, issueDate, dueDate, finalizedAt, currency, supplier, customer, lines, lineTotal, taxTotal, total, notes,
                original, creditReason, qrPayload, signature, footer, logoUrl, payUrl, null);
    }

    /**
     * Withholding tax the payer deducts from what it pays and remits to NRS itself: shown on the document, never part of
     * its total or of its VAT (docs/specification.md, Invoices).
     */
    public record Withholding(BigDecimal percent, Kobo amount) {

        /** What the payer pays the supplier once it has withheld the tax. */
        public Kobo netOf(Kobo total) {
            return total.minus(amount);
        }
    }

    /** The tax category of exempt lines in UBL (BT-120) and on the PDF. */
    public static final String EXEMPTION_REASON = "Exempt from VAT under the First Schedule to the VAT Act";
    /** The default country of a party whose address names none: Risiti invoices Nigerian businesses. */
    public static final String DEFAULT_COUNTRY = "NG";

    /** Seller or buyer. {@code tin} is the NRS Tax Identification Number; {@code phone} is as stored. */
    public record Party(String name, String tin, String email, String phone, Address address) {
    }

    /** A postal address; {@code country} is ISO 3166-1 alpha-2, never null. */
    public record Address(String street, String city, String postalZone, String country) {
    }

    /**
     * One priced line: {@code gross} = quantity × unit price rounded to the kobo, {@code discount} = gross − net,
     * {@code net} the stored line net, {@code tax} its VAT; {@code vatCategory} is UNCL5305 (S, Z or E).
     */
    public record Line(int position, String description, BigDecimal quantity, Kobo unitPrice, BigDecimal discountPercent,
            Kobo gross, Kobo discount, Kobo net, String vatCategory, BigDecimal vatPercent, Kobo tax, Kobo total,
            String hsnCode, String productCategory) {
    }

    /** The invoice a credit note credits (UBL BillingReference). */
    public record OriginalInvoice(String number, String irn, LocalDate issueDate) {
    }

    /** The VAT of one category and rate (UBL TaxSubtotal, BG-23): the sum of its lines' nets and of their VAT. */
    public record TaxSubtotal(String category, BigDecimal percent, Kobo taxable, Kobo tax, String exemptionReason) {
    }

    public boolean creditNote() {
        return type == InvoiceType.CREDIT_NOTE;
    }

    /** One subtotal per VAT category and rate, in the order they first appear on the lines. */
    public List<TaxSubtotal> taxSubtotals() {
        Map<String, TaxSubtotal> byCategory = new LinkedHashMap<>();
        for (Line line : lines) {
            String key = line.vatCategory() + "/" + line.vatPercent().stripTrailingZeros().toPlainString();
            TaxSubtotal seen = byCategory.get(key);
            byCategory.put(key, seen == null
                    ? new TaxSubtotal(line.vatCategory(), line.vatPercent(), line.net(), line.tax(), "E".equals(line.vatCategory()) ? EXEMPTION_REASON : null)
                    : new TaxSubtotal(seen.category(), seen.percent(), seen.taxable().plus(line.net()), seen.tax().plus(line.tax()), seen.exemptionReason()));
        }
        return List.copyOf(byCategory.values());
    }

    /**
     * The document of a finalized invoice (or credit note, with the invoice it credits), its supplier the tenant as
     * invoice-service knows it. {@code payUrl} is the public pay page, null for a credit note.
     */
    public static InvoiceDocument of(Invoice invoice, KnownTenant supplier, Invoice original, String payUrl) {
        List<Line> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines) {
            Kobo gross = Kobo.roundHalfUp(line.quantity.multiply(line.unitPrice.asKoboDecimal()));
            lines.add(new Line(line.position + 1, line.description, line.quantity, line.unitPrice, line.discountPercent, gross,
                    gross.minus(line.net), line.net, line.vatCategory, line.taxPercent, line.tax, line.total, line.hsnCode,
                    line.productCategory));
        }
        // the supplier as finalized, where the invoice kept it; its presentation (footer, logo) is the tenant's current one
        Party seller = invoice.supplierName != null
                ? new Party(invoice.supplierName, invoice.supplierTin, invoice.supplierEmail, null, new Address(invoice.supplierAddress, null, null, DEFAULT_COUNTRY))
                : new Party(supplier.name, supplier.tin, supplier.contactEmail, null, new Address(supplier.address, null, null, DEFAULT_COUNTRY));
        Party buyer = new Party(invoice.customerName, invoice.customerTin, invoice.customerEmail, invoice.customerPhone,
                new Address(invoice.customerStreet, invoice.customerCity, invoice.customerPostalZone,
                        invoice.customerCountry != null ? invoice.customerCountry.trim() : DEFAULT_COUNTRY));
        OriginalInvoice credited = original == null ? null : new OriginalInvoice(original.invoiceNumber, original.irn, original.issueDate);
        return new InvoiceDocument(invoice.type, invoice.invoiceNumber, invoice.irn, invoice.issueDate, invoice.dueDate,
                invoice.finalizedAt, invoice.currency, seller, buyer, List.copyOf(lines), invoice.subtotal, invoice.taxTotal,
                invoice.total, invoice.notes, credited, invoice.creditReason, invoice.qrPayload, invoice.digitalSignature,
                supplier.invoiceFooter, supplier.logoUrl, payUrl,
                invoice.whtPercent == null || invoice.wht.value() == 0 ? null : new Withholding(invoice.whtPercent, invoice.wht));
    }
}
