package ng.risiti.invoice.documents.service;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ng.risiti.invoice.documents.domain.ReceiptDocument;
import ng.risiti.invoice.documents.service.PdfCanvas.Color;

/** A receipt as a one-page A4 PDF, drawn with the invoice PDF's own writer (no AWT, native-ready). */
public final class ReceiptPdf {

    private static final float MARGIN = 42f;
    private static final float RIGHT = PdfFile.A4_WIDTH - MARGIN;
    private static final Color TEXT = Color.rgb(0.13f, 0.13f, 0.13f);
    private static final Color MUTED = Color.rgb(0.42f, 0.42f, 0.42f);
    private static final Color ACCENT = Color.rgb(0.04f, 0.36f, 0.25f);
    private static final Color BAND = Color.rgb(0.92f, 0.96f, 0.94f);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ReceiptDocument receipt;
    private final PdfCanvas canvas = new PdfCanvas(PdfFile.A4_HEIGHT);

    private ReceiptPdf(ReceiptDocument receipt) {
        this.receipt = receipt;
    }

    public static byte[] of(ReceiptDocument receipt) {
        return new ReceiptPdf(receipt).render();
    }

    private byte[] render() {
        text(or(receipt.supplierName()), MARGIN, 62, true, 16, TEXT);
        float y = 78;
        for (String line : List.of(or(receipt.supplierAddress()), receipt.supplierTin() == null ? "" : "TIN " + receipt.supplierTin(),
                or(receipt.supplierEmail()))) {
            if (!line.isEmpty()) {
                text(line, MARGIN, y, false, 9, MUTED);
                y += 12;
            }
        }
        textRight("RECEIPT", RIGHT, 62, true, 20, ACCENT);
        textRight(receipt.receiptNumber(), RIGHT, 80, true, 11, TEXT);
        textRight("Date received: " + DAY.format(receipt.paidOn()), RIGHT, 94, false, 9, MUTED);
        canvas.line(MARGIN, 130, RIGHT, 130, 0.75f, ACCENT);

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Received from", or(receipt.customerName()) + (receipt.customerTin() == null ? "" : "  (TIN " + receipt.customerTin() + ")")});
        rows.add(new String[] {"For invoice", or(receipt.invoiceNumber())});
        rows.add(new String[] {"Payment method", receipt.method()});
        if (receipt.reference() != null) {
            rows.add(new String[] {"Reference", receipt.reference()});
        }
        y = 160;
        for (String[] row : rows) {
            text(row[0], MARGIN, y, false, 10, MUTED);
            text(row[1], MARGIN + 120, y, true, 10, TEXT);
            y += 20;
        }
        y += 10;
        canvas.fillRect(MARGIN, y, RIGHT - MARGIN, 40, BAND);
        text("Amount received", MARGIN + 12, y + 25, true, 12, TEXT);
        textRight(receipt.currency() + " " + InvoicePdf.amount(receipt.amount()), RIGHT - 12, y + 25, true, 14, ACCENT);
        text("Thank you for your payment.", MARGIN, y + 70, false, 10, TEXT);
        text("Issued by Risiti on behalf of " + or(receipt.supplierName()) + ".", MARGIN, PdfFile.A4_HEIGHT - MARGIN, false, 8, MUTED);
        return PdfFile.write(List.of(new PdfFile.Page(canvas.bytes(), List.of())),
                new PdfFile.Info("Receipt " + receipt.receiptNumber(), receipt.supplierName(), "Payment for invoice " + receipt.invoiceNumber(),
                        InvoicePdf.pdfDate(receipt.issuedAt())));
    }

    private void text(String value, float x, float baseline, boolean bold, float size, Color color) {
        canvas.text(WinAnsi.encode(value), x, baseline, bold, size, color);
    }

    private void textRight(String value, float right, float baseline, boolean bold, float size, Color color) {
        byte[] text = WinAnsi.encode(value);
        canvas.text(text, right - WinAnsi.width(text, bold, size), baseline, bold, size, color);
    }

    private static String or(String value) {
        return value == null ? "" : value;
    }
}
