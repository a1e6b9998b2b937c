package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ng.risiti.invoice.documents.SampleDocuments;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Address;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Line;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Party;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.domain.Kobo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** What a reader of the invoice PDF sees, read back with PDFBox as a viewer would. */
class InvoicePdfTests {

    @Test
    void anInvoiceShowsWhoIssuedItToWhomItsNumbersAndItsTotal() {
        InvoiceDocument invoice = PdfTestDocuments.namedWithQr();

        String text = PdfReading.text(InvoicePdf.of(invoice));

        assertThat(text).contains("Adeyemi & Sons Trading Ltd", "12 Adeola Odeku Street, Victoria Island, Lagos", "TIN: 12345678-0001",
                "billing@adeyemi.ng");
        assertThat(text).contains("INVOICE", "Invoice number INV-2026-042", "Issue date 20 Nov 2026", "Due date 20 Dec 2026",
                "IRN INV2026042-94ND90NR-20261120");
        assertThat(text).contains("BILL TO", "Dangote Cement Plc", "TIN: 98765432-0001", "accounts@dangotecementplc.ng");
        assertThat(text).contains("Cement (50kg bags)", "Rice (50kg)", "Printed training manuals", "760,500.00", "12,500.50");
        assertThat(text).contains("Subtotal " + money(invoice.lineTotal()), "VAT " + money(invoice.taxTotal()), "Total " + money(invoice.total()));
        assertThat(money(invoice.total())).isEqualTo("NGN 1,605,039.00");
        assertThat(text).contains("Standard rated (S) 7.5% 760,500.00 57,037.50", InvoiceDocument.EXEMPTION_REASON);
        assertThat(text).contains("Pay online: " + invoice.payUrl(), "NRS QR code", invoice.footer(), "Page 1 of 1");
        assertThat(text).doesNotContain("CREDIT NOTE", "Logo:");
    }

    @Test
    void thePayLinkIsClickable() throws IOException {
        InvoiceDocument invoice = PdfTestDocuments.namedWithQr();

        try (PDDocument pdf = Loader.loadPDF(InvoicePdf.of(invoice))) {
            List<String> uris = new ArrayList<>();
            for (var annotation : pdf.getPage(0).getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
            assertThat(uris).containsExactly(invoice.payUrl());
        }
    }

    @Test
    void aCreditNoteIsTitledAsOneAndNamesTheInvoiceItCreditsWithTheReason() {
        InvoiceDocument credit = PdfTestDocuments.creditNote();

        String text = PdfReading.text(InvoicePdf.of(credit));

        assertThat(text).contains("CREDIT NOTE", "Credit note number CN-2026-007", "Issue date 27 Nov 2026", "IRN CN2026007-94ND90NR-20261127",
                "Credits invoice INV-2026-042 of 20 Nov 2026", "Original IRN: INV2026042-94ND90NR-20261120",
                "Reason: Goods returned (damaged in transit)", "Total credited " + money(credit.total()),
                "This credit note reduces the amount owed on invoice INV-2026-042");
        assertThat(text).doesNotContain("Due date", "Pay online", "Invoice number");
    }

    @Test
    void fortyLinesContinueOnFurtherPagesWithTheTableHeaderRepeated() {
        InvoiceDocument invoice = PdfTestDocuments.fortyLines(40);

        List<String> pages = PdfReading.pages(InvoicePdf.of(invoice));

        assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
        String text = String.join(" ", pages);
        for (Line line : invoice.lines()) {
            assertThat(text).contains(line.description(), amount(line.net().value()));
        }
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(pages.get(page - 1)).contains("Page " + page + " of " + pages.size());
        }
        assertThat(pages.getFirst()).contains("Page 1 of " + pages.size(), "DESCRIPTION QTY UNIT PRICE DISC. VAT NET");
        assertThat(pages.get(1)).contains("INVOICE INV-2026-0400 (continued)", "DESCRIPTION QTY UNIT PRICE DISC. VAT NET");
        // Lines are never lost or repeated across a page break: their descriptions appear in order, once each.
        int from = 0;
        for (Line line : invoice.lines()) {
            int at = text.indexOf(line.description() + " ", from);
            assertThat(at).as(line.description()).isGreaterThanOrEqualTo(from);
            from = at + 1;
        }
        assertThat(pages.getLast()).contains("Total " + money(invoice.total()), "NRS QR code");
    }

    @Test
    void aDescriptionLongerThanAPageIsSplitAcrossPagesAndKeptWhole() {
        InvoiceDocument named = SampleDocuments.named();
        String essay = ("Phase " + "one two three four five six seven eight nine ten ").repeat(120).trim();
        Line first = named.lines().getFirst();
        Line huge = new Line(1, essay, first.quantity(), first.unitPrice(), first.discountPercent(), first.gross(), first.discount(), first.net(),
                first.vatCategory(), first.vatPercent(), first.tax(), first.total(), first.hsnCode(), first.productCategory());
        InvoiceDocument document = withLines(named, List.of(huge, named.lines().get(1)));

        List<String> pages = PdfReading.pages(InvoicePdf.of(document));

        assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join(" ", pages)).contains("Rice (50kg)");
        // The essay's words are all there, in order, whatever page break and footer come between them.
        String text = String.join(" ", pages);
        int from = 0;
        int words = 0;
        for (String word : essay.split(" ")) {
            from = text.indexOf(word, from);
            assertThat(from).isNotNegative();
            from += word.length();
            words++;
        }
        assertThat(words).isEqualTo(1320);
    }

    @Test
    void charactersTheStandardFontsLackDegradeToTheirLettersOrAQuestionMark() {
        Party customer = new Party("Ọlá Ẹ̀kọ́ Stores ₦ \uD83D\uDE00", "98765432-0001", "ola@eko.ng", "+234 803 000 0000",
                new Address("Plot 5 (Block C) \\ Àjàh", "Lagos", null, "NG"));
        InvoiceDocument document = PdfTestDocuments.withCustomer(PdfTestDocuments.namedWithQr(), customer);

        byte[] pdf = InvoicePdf.of(document);

        String text = PdfReading.text(pdf);
        assertThat(text).contains("Olá Eko Stores ? ?", "Plot 5 (Block C) \\ Àjàh", "Lagos", "Nigeria");
        assertThat(PdfReading.scanQr(PdfReading.render(pdf, 0, 200))).isEqualTo(document.qrPayload());
    }

    @Test
    void oversizedHeaderFieldsAreCutWithAnEllipsisRatherThanPushingTheTableOffThePage() {
        Party customer = new Party("Very Long Customer Name ".repeat(80), "98765432-0001", null, null,
                new Address("Plot 1, Industrial Layout ".repeat(200), "Lagos", null, "NG"));
        InvoiceDocument document = PdfTestDocuments.withCustomer(PdfTestDocuments.namedWithQr(), customer);

        List<String> pages = PdfReading.pages(InvoicePdf.of(document));

        assertThat(pages).hasSize(1);
        assertThat(pages.getFirst()).contains("Very Long Customer Name", "\u2026", "Cement (50kg bags)", "Page 1 of 1");
    }

    @Test
    void theSameDocumentGivesTheSameBytesWithAnIdDerivedFromThem() {
        InvoiceDocument invoice = PdfTestDocuments.fortyLines(12);

        byte[] once = InvoicePdf.of(invoice);
        byte[] again = InvoicePdf.of(PdfTestDocuments.fortyLines(12));

        assertThat(again).isEqualTo(once);
        String trailer = new String(once, once.length - 200, 200, StandardCharsets.ISO_8859_1);
        assertThat(trailer).containsPattern("/ID \\[<[0-9A-F]{32}> <[0-9A-F]{32}>\\]");
        assertThat(InvoicePdf.of(PdfTestDocuments.fortyLines(13))).isNotEqualTo(once);
    }

    @Test
    void notesAndTheLogoAddressAreShownAsText() {
        String notes = "Goods remain the property of Adeyemi & Sons until paid in full.\nDeliveries: Monday to Friday, 8am-4pm. "
                + "Please call ahead ".repeat(30);
        InvoiceDocument document = PdfTestDocuments.withNotesAndLogo(PdfTestDocuments.namedWithQr(), notes, "https://cdn.adeyemi.ng/logo.png");

        String text = PdfReading.text(InvoicePdf.of(document));

        assertThat(text).contains("Logo: https://cdn.adeyemi.ng/logo.png", "NOTES", PdfReading.normalised(notes));
    }

    @Test
    void figuresInTheLinesTableAreRightAlignedByTheirGlyphWidths() throws IOException {
        InvoiceDocument invoice = PdfTestDocuments.fortyLines(12);
        Set<String> nets = new HashSet<>();
        for (Line line : invoice.lines()) {
            nets.add(amount(line.net().value()));
        }
        List<Float> rightEdges = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            private boolean tableEnded;

            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                // The VAT breakdown below the table may repeat a figure; only the lines table's NET column counts.
                tableEnded |= text.contains("BREAKDOWN");
                if (!tableEnded && nets.contains(text)) {
                    TextPosition last = positions.getLast();
                    rightEdges.add(last.getXDirAdj() + last.getWidthDirAdj());
                }
                super.writeString(text, positions);
            }
        };

        try (PDDocument pdf = Loader.loadPDF(InvoicePdf.of(invoice))) {
            stripper.getText(pdf);
        }

        assertThat(rightEdges).hasSize(12);
        float min = rightEdges.stream().min(Float::compare).orElseThrow();
        float max = rightEdges.stream().max(Float::compare).orElseThrow();
        assertThat(max - min).isLessThan(0.1f);
    }

    @Test
    void theCrossReferenceTablePointsAtEveryObject() {
        byte[] pdf = InvoicePdf.of(PdfTestDocuments.fortyLines(40));
        String file = new String(pdf, StandardCharsets.ISO_8859_1);

        int xref = Integer.parseInt(file.substring(file.lastIndexOf("startxref") + 10).split("\n")[0].trim());
        assertThat(file.substring(xref)).startsWith("xref\n0 ");
        String[] lines = file.substring(xref).split("\n");
        int objects = Integer.parseInt(lines[1].split(" ")[1]);
        assertThat(lines[2]).isEqualTo("0000000000 65535 f ");
        for (int object = 1; object < objects; object++) {
            String entry = lines[2 + object];
            assertThat(entry).hasSize(19).endsWith(" 00000 n ");
            int offset = Integer.parseInt(entry.substring(0, 10));
            assertThat(file.substring(offset)).startsWith(object + " 0 obj\n");
        }
        assertThat(file).contains("/Size " + objects + " ").endsWith("%%EOF\n");
    }

    @Test
    void aDocumentWithNothingButANumberStillRenders() {
        InvoiceDocument sparse = new InvoiceDocument(null, "INV-1", null, null, null, null, null, null, null, List.of(), null, null, null,
                null, null, null, null, null, null, null, null);
        InvoiceDocument creditWithoutOriginal = new InvoiceDocument(InvoiceType.CREDIT_NOTE, "CN-1",
                "CN1-94ND90NR-20261120", null, null, null, "NGN", null, new Party(null, null, null, null, null), List.of(), Kobo.ZERO,
                Kobo.ZERO, Kobo.ZERO, "", null, null, null, null, null, null, null);

        assertThat(PdfReading.text(InvoicePdf.of(sparse))).contains("INVOICE", "INV-1", "QR code unavailable", "Page 1 of 1");
        assertThat(PdfReading.text(InvoicePdf.of(creditWithoutOriginal))).contains("CREDIT NOTE", "CN-1", "Total credited NGN 0.00");
    }

    @Test
    void amountsHaveThousandsSeparatorsAndTwoDecimals() {
        assertThat(InvoicePdf.amount(Kobo.of(123_456_789))).isEqualTo("1,234,567.89");
        assertThat(InvoicePdf.amount(Kobo.of(100_000))).isEqualTo("1,000.00");
        assertThat(InvoicePdf.amount(Kobo.of(99_999))).isEqualTo("999.99");
        assertThat(InvoicePdf.amount(Kobo.of(5))).isEqualTo("0.05");
        assertThat(InvoicePdf.amount(Kobo.ZERO)).isEqualTo("0.00");
        assertThat(InvoicePdf.amount(Kobo.of(-150_000))).isEqualTo("-1,500.00");
        assertThat(InvoicePdf.amount(Kobo.of(Long.MIN_VALUE))).isEqualTo("-92,233,720,368,547,758.08");
    }

    @Test
    void wrappingBreaksAtSpacesAndCutsAWordLongerThanTheLine() {
        String url = "https://risiti.ng/p/" + "0190f000-0000-7000-8000-000000000001".repeat(3) + "/pay";

        List<byte[]> lines = InvoicePdf.wrap("Pay online at " + url + " today", 150, false, 8.5f);

        StringBuilder joined = new StringBuilder();
        for (byte[] line : lines) {
            assertThat(WinAnsi.width(line, false, 8.5f)).isLessThanOrEqualTo(150f);
            joined.append(new String(line, StandardCharsets.ISO_8859_1)).append('|');
        }
        assertThat(joined.toString()).startsWith("Pay online at|https://");
        assertThat(joined.toString().replace("|", "")).isEqualTo("Pay online at" + url + " today");
        assertThat(InvoicePdf.wrap(null, 100, false, 9)).isEmpty();
        assertThat(InvoicePdf.wrap("   ", 100, false, 9)).isEmpty();
    }

    /** Money as the PDF shows it, formatted here independently of the renderer. */
    static String money(Kobo kobo) {
        return "NGN " + amount(kobo.value());
    }

    static String amount(long kobo) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(kobo, 2));
    }

    private static InvoiceDocument withLines(InvoiceDocument d, List<Line> lines) {
        return new InvoiceDocument(d.type(), d.number(), d.irn(), d.issueDate(), d.dueDate(), d.finalizedAt(), d.currency(), d.supplier(),
                d.customer(), lines, d.lineTotal(), d.taxTotal(), d.total(), d.notes(), d.original(), d.creditReason(), d.qrPayload(),
                d.signature(), d.footer(), d.logoUrl(), d.payUrl());
    }
}
