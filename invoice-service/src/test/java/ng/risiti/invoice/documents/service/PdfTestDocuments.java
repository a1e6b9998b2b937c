package ng.risiti.invoice.documents.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import ng.risiti.invoice.documents.SampleDocuments;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.domain.InvoiceDocument.OriginalInvoice;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Party;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Irn;
import ng.risiti.invoice.invoices.domain.Kobo;

/** Documents the PDF tests, the samples and the benchmark need beyond SampleDocuments: a QR payload, many lines, a credit note. */
final class PdfTestDocuments {

    private PdfTestDocuments() {
    }

    /**
     * A stand-in for NRS's QR payload: 256 bytes (one RSA-2048 ciphertext block) in Base64, 344 characters, as the real
     * encrypted IRN + timestamp + certificate is. Seeded, so samples stay byte-identical.
     */
    static String rsaCiphertextLikePayload() {
        byte[] ciphertext = new byte[256];
        new Random(2048).nextBytes(ciphertext);
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    /**
     * The named sample with a QR payload, and a fixed pay link: SampleDocuments gives each invoice a random public token,
     * and the committed sample must come out the same on every run.
     */
    static InvoiceDocument namedWithQr() {
        InvoiceDocument d = withQrPayload(SampleDocuments.named(), rsaCiphertextLikePayload());
        return new InvoiceDocument(d.type(), d.number(), d.irn(), d.issueDate(), d.dueDate(), d.finalizedAt(), d.currency(), d.supplier(),
                d.customer(), d.lines(), d.lineTotal(), d.taxTotal(), d.total(), d.notes(), d.original(), d.creditReason(), d.qrPayload(),
                d.signature(), d.footer(), d.logoUrl(), "https://risiti.ng/p/0190f000-0000-7000-8000-000000000042/pay");
    }

    static InvoiceDocument withQrPayload(InvoiceDocument d, String qrPayload) {
        return new InvoiceDocument(d.type(), d.number(), d.irn(), d.issueDate(), d.dueDate(), d.finalizedAt(), d.currency(), d.supplier(),
                d.customer(), d.lines(), d.lineTotal(), d.taxTotal(), d.total(), d.notes(), d.original(), d.creditReason(), qrPayload,
                d.signature(), d.footer(), d.logoUrl(), d.payUrl());
    }

    static InvoiceDocument withCustomer(InvoiceDocument d, Party customer) {
        return new InvoiceDocument(d.type(), d.number(), d.irn(), d.issueDate(), d.dueDate(), d.finalizedAt(), d.currency(), d.supplier(),
                customer, d.lines(), d.lineTotal(), d.taxTotal(), d.total(), d.notes(), d.original(), d.creditReason(), d.qrPayload(),
                d.signature(), d.footer(), d.logoUrl(), d.payUrl());
    }

    static InvoiceDocument withNotesAndLogo(InvoiceDocument d, String notes, String logoUrl) {
        return new InvoiceDocument(d.type(), d.number(), d.irn(), d.issueDate(), d.dueDate(), d.finalizedAt(), d.currency(), d.supplier(),
                d.customer(), d.lines(), d.lineTotal(), d.taxTotal(), d.total(), notes, d.original(), d.creditReason(), d.qrPayload(),
                d.signature(), d.footer(), logoUrl, d.payUrl());
    }

    /** A credit note CN-2026-007 against the named sample's INV-2026-042, for all of it, as the domain prices it. */
    static InvoiceDocument creditNote() {
        InvoiceDocument d = SampleDocuments.named();
        String number = "CN-2026-007";
        LocalDate issued = LocalDate.of(2026, 11, 27);
        String irn = Irn.of(number, SampleDocuments.supplier().nrsServiceId, issued).value();
        return new InvoiceDocument(InvoiceType.CREDIT_NOTE, number, irn, issued, issued.plusDays(30),
                OffsetDateTime.of(issued.atTime(9, 15), ZoneOffset.ofHours(1)), d.currency(), d.supplier(), d.customer(), d.lines(),
                d.lineTotal(), d.taxTotal(), d.total(), null, new OriginalInvoice(d.number(), d.irn(), d.issueDate()),
                "Goods returned (damaged in transit)", null, d.signature(), d.footer(), d.logoUrl(), null);
    }

    /**
     * An invoice of {@code count} lines priced by the real domain, every description distinct ("Item 17: ...") and every
     * fifth one long enough to wrap over several lines of its column.
     */
    static InvoiceDocument fortyLines(int count) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.fromString("0190f000-0000-7000-8000-0000000000aa");
        invoice.tenantId = SampleDocuments.supplier().id;
        invoice.invoiceNumber = "INV-2026-0400";
        invoice.customerId = UUID.fromString("0190f000-0000-7000-8000-0000000000bb");
        invoice.customerName = "Julius Berger Nigeria Plc";
        invoice.customerTin = "01234567-0001";
        invoice.customerEmail = "payables@julius-berger.ng";
        invoice.customerPhone = "+2348012345678";
        invoice.customerStreet = "10 Shettima Mangono Crescent, Utako";
        invoice.customerCity = "Abuja";
        invoice.customerPostalZone = "900108";
        invoice.customerCountry = "NG";
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = "NGN";
        invoice.issueDate = LocalDate.of(2026, 11, 20);
        invoice.dueDate = invoice.issueDate.plusDays(30);
        invoice.publicToken = UUID.fromString("0190f000-0000-7000-8000-0000000000cc");
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            InvoiceLine line = new InvoiceLine();
            line.id = UUID.nameUUIDFromBytes(("line" + i).getBytes());
            line.description = description(i);
            line.quantity = BigDecimal.valueOf(i * 3L + (i % 4 == 0 ? 1250 : 0));
            line.unitPrice = Kobo.of(12_500_00L * i + 99);
            line.discountPercent = i % 3 == 0 ? new BigDecimal("5") : BigDecimal.ZERO;
            line.vatCategory = i % 7 == 0 ? "E" : i % 5 == 0 ? "Z" : "S";
            line.taxPercent = "S".equals(line.vatCategory) ? new BigDecimal("7.5") : BigDecimal.ZERO;
            line.hsnCode = i % 2 == 0 ? "8471.30" : null;
            line.productCategory = i % 2 == 0 ? "Equipment" : null;
            lines.add(line);
        }
        invoice.setLines(lines);
        invoice.finalizeWith(Irn.of(invoice.invoiceNumber, SampleDocuments.supplier().nrsServiceId, invoice.issueDate),
                "eyJhbGciOiJSUzI1NiJ9.sample.signature", OffsetDateTime.of(invoice.issueDate.atTime(10, 30), ZoneOffset.ofHours(1)));
        return InvoiceDocument.of(invoice, SampleDocuments.supplier(), null, "https://risiti.ng/p/" + invoice.publicToken + "/pay");
    }

    static String description(int i) {
        String base = "Item " + i + ": site works phase " + i;
        return i % 5 == 0
                ? base + " including mobilisation, excavation, reinforced concrete footings, formwork, curing, backfilling and"
                        + " removal of spoil from site as per the bill of quantities section " + i
                : base;
    }
}
