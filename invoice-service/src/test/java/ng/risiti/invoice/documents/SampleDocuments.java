package ng.risiti.invoice.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Irn;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.tenants.domain.KnownTenant;

/**
 * Finalized documents for rendering tests, priced by the real domain (Invoice.setLines): a named sample and a
 * generator of random ones over every shape an invoice can take (mixed VAT categories and rates, discounts,
 * fractional quantities, long descriptions, credit notes, customers with and without TIN, phone or address).
 */
public final class SampleDocuments {

    private static final String[] WORDS = {"Consulting", "Cement", "Laptop", "Support", "Diesel", "Freight", "Licence", "Training",
            "Rice (50kg)", "Maintenance", "Design & build", "Audit <Q3>", "Ẹ̀kọ́ books", "Hosting"};
    private static final String[] CATEGORIES = {"S", "S", "S", "Z", "E"};

    private SampleDocuments() {
    }

    public static KnownTenant supplier() {
        KnownTenant tenant = new KnownTenant();
        tenant.id = UUID.fromString("0190f000-0000-7000-8000-000000000001");
        tenant.name = "Adeyemi & Sons Trading Ltd";
        tenant.tin = "12345678-0001";
        tenant.nrsServiceId = "94ND90NR";
        tenant.address = "12 Adeola Odeku Street, Victoria Island, Lagos";
        tenant.contactEmail = "billing@adeyemi.ng";
        tenant.invoiceFooter = "Thank you for your business. Payment within 30 days.";
        tenant.planSlug = "starter";
        return tenant;
    }

    /** A three-line NGN invoice: 7.5% VAT with a discount, zero-rated and exempt. */
    public static InvoiceDocument named() {
        Invoice invoice = invoice("INV-2026-042", LocalDate.of(2026, 11, 20), "Dangote Cement Plc", "98765432-0001");
        invoice.setLines(List.of(
                line("Cement (50kg bags)", "120", 650000, "2.5", "S", "7.5", "2523.29", "Building materials"),
                line("Rice (50kg)", "10", 7500000, "0", "Z", "0", "1006.30", "Basic food items"),
                line("Printed training manuals", "3", 1250050, "0", "E", "0", "4901.99", "Books")));
        return finalize(invoice, null);
    }

    /** A random finalized invoice, or (one in five) a credit note against one. */
    public static InvoiceDocument random(Random random) {
        LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(330));
        Invoice invoice = invoice("INV-2026-" + (1 + random.nextInt(9999)), issued, "Customer " + random.nextInt(1000),
                random.nextInt(4) == 0 ? null : String.format("%08d-0001", random.nextInt(100_000_000)));
        if (random.nextBoolean()) {
            invoice.customerPhone = "+23480" + (10_000_000 + random.nextInt(89_999_999));
        }
        if (random.nextBoolean()) {
            invoice.customerStreet = (1 + random.nextInt(200)) + " Broad Street";
            invoice.customerCity = "Lagos";
            invoice.customerPostalZone = "1010" + random.nextInt(10);
        }
        int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 6);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String percent = switch (category) {
                case "S" -> random.nextInt(4) == 0 ? "5" : "7.5";
                default -> "0";
            };
            BigDecimal quantity = random.nextInt(3) == 0
                    ? BigDecimal.valueOf(1 + random.nextInt(100_000), 4).add(BigDecimal.valueOf(random.nextInt(50)))
                    : BigDecimal.valueOf(1 + random.nextInt(500));
            long unitPrice = random.nextInt(5) == 0 ? random.nextInt(100) : 1 + (long) (Math.pow(10, 2 + random.nextInt(8)) * random.nextDouble());
            BigDecimal discount = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(10_001), 2) : BigDecimal.ZERO;
            String description = WORDS[random.nextInt(WORDS.length)] + (random.nextInt(8) == 0 ? " — " + "long text ".repeat(20) : "");
            lines.add(line(description, quantity.toPlainString(), unitPrice, discount.toPlainString(), category, percent,
                    random.nextBoolean() ? "8471.30" : null, random.nextBoolean() ? "Goods" : null));
        }
        invoice.setLines(lines);
        if (invoice.total.value() == 0 || random.nextInt(5) != 0) {
            return finalize(invoice, null);
        }
        Invoice credit = invoice("CN-2026-" + (1 + random.nextInt(999)), issued.plusDays(random.nextInt(30)), invoice.customerName, invoice.customerTin);
        credit.type = InvoiceType.CREDIT_NOTE;
        credit.creditReason = "Goods returned";
        List<InvoiceLine> credited = new ArrayList<>();
        for (InvoiceLine original : invoice.lines.subList(0, 1 + random.nextInt(invoice.lines.size()))) {
            BigDecimal quantity = original.quantity.multiply(BigDecimal.valueOf(1 + random.nextInt(100), 2)).setScale(4, RoundingMode.DOWN);
            credited.add(line(original.description, (quantity.signum() > 0 ? quantity : original.quantity).toPlainString(),
                    original.unitPrice.value(), original.discountPercent.toPlainString(), original.vatCategory,
                    original.taxPercent.toPlainString(), original.hsnCode, original.productCategory));
        }
        credit.setLines(credited);
        finalize(invoice, null);
        return finalize(credit, invoice);
    }

    private static Invoice invoice(String number, LocalDate issued, String customer, String tin) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.tenantId = supplier().id;
        invoice.invoiceNumber = number;
        invoice.customerId = UUID.randomUUID();
        invoice.customerName = customer;
        invoice.customerTin = tin;
        invoice.customerEmail = "accounts@" + customer.toLowerCase().replaceAll("[^a-z0-9]", "") + ".ng";
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = "NGN";
        invoice.issueDate = issued;
        invoice.dueDate = issued.plusDays(30);
        invoice.publicToken = UUID.randomUUID();
        return invoice;
    }

    private static InvoiceLine line(String description, String quantity, long unitPriceKobo, String discount, String category, String percent,
            String hsn, String productCategory) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.description = description;
        line.quantity = new BigDecimal(quantity);
        line.unitPrice = Kobo.of(unitPriceKobo);
        line.discountPercent = new BigDecimal(discount);
        line.vatCategory = category;
        line.taxPercent = new BigDecimal(percent);
        line.hsnCode = hsn;
        line.productCategory = productCategory;
        return line;
    }

    private static InvoiceDocument finalize(Invoice invoice, Invoice original) {
        KnownTenant supplier = supplier();
        Irn irn = Irn.of(invoice.invoiceNumber, supplier.nrsServiceId, invoice.issueDate);
        invoice.finalizeWith(irn, "eyJhbGciOiJSUzI1NiJ9.sample.signature", OffsetDateTime.of(invoice.issueDate.atTime(10, 30), ZoneOffset.ofHours(1)));
        invoice.qrPayload = null; // set by the QR code's own tests where they need one
        if (original != null) {
            invoice.originalInvoiceId = original.id;
        }
        return InvoiceDocument.of(invoice, supplier, original, original == null ? "https://risiti.ng/p/" + invoice.publicToken + "/pay" : null);
    }
}
