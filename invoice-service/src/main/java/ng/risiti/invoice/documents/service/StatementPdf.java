package ng.risiti.invoice.documents.service;

import java.util.List;
import ng.risiti.invoice.documents.domain.StatementDocument;
import ng.risiti.invoice.documents.service.PdfCanvas.Color;

/**
 * A statement (a tax report) as A4 PDF pages, drawn with the invoice PDF's own writer and fonts (no AWT, native-ready),
 * in the receipt's colours; rows that do not fit go on to further pages.
 */
public final class StatementPdf {

    private static final float MARGIN = 42f;
    private static final float RIGHT = PdfFile.A4_WIDTH - MARGIN;
    private static final float ROW = 18f;
    private static final float BOTTOM = PdfFile.A4_HEIGHT - 60f;
    private static final Color TEXT = Color.rgb(0.13f, 0.13f, 0.13f);
    private static final Color MUTED = Color.rgb(0.42f, 0.42f, 0.42f);
    private static final Color ACCENT = Color.rgb(0.04f, 0.36f, 0.25f);
    private static final Color BAND = Color.rgb(0.92f, 0.96f, 0.94f);

    private final StatementDocument statement;

    private StatementPdf(StatementDocument statement) {
        this.statement = statement;
    }

    public static byte[] of(StatementDocument statement) {
        return new StatementPdf(statement).render();
    }

    private byte[] render() {
        List<PdfFile.Page> pages = new java.util.ArrayList<>();
        PdfCanvas canvas = header(new PdfCanvas(PdfFile.A4_HEIGHT));
        float y = 176;
        for (StatementDocument.Row row : statement.rows()) {
            if (y > BOTTOM) {
                pages.add(new PdfFile.Page(canvas.bytes(), List.of()));
                canvas = header(new PdfCanvas(PdfFile.A4_HEIGHT));
                y = 176;
            }
            if (row.total()) {
                canvas.fillRect(MARGIN, y - 13, RIGHT - MARGIN, ROW + 2, BAND);
            }
            text(canvas, row.label(), MARGIN + 6, y, row.total(), 10, TEXT);
            textRight(canvas, InvoicePdf.amount(row.amount()), RIGHT - 6, y, row.total(), 10, row.total() ? ACCENT : TEXT);
            y += ROW;
        }
        text(canvas, "Prepared by Risiti from the books of " + or(statement.supplierName()) + ".", MARGIN, PdfFile.A4_HEIGHT - MARGIN, false, 8, MUTED);
        pages.add(new PdfFile.Page(canvas.bytes(), List.of()));
        return PdfFile.write(pages, new PdfFile.Info(statement.title(), statement.supplierName(), statement.subtitle(),
                InvoicePdf.pdfDate(statement.issuedAt())));
    }

    private PdfCanvas header(PdfCanvas canvas) {
        text(canvas, or(statement.supplierName()), MARGIN, 62, true, 16, TEXT);
        if (statement.supplierTin() != null) {
            text(canvas, "TIN " + statement.supplierTin(), MARGIN, 78, false, 9, MUTED);
        }
        text(canvas, statement.title(), MARGIN, 112, true, 14, ACCENT);
        text(canvas, statement.subtitle(), MARGIN, 128, false, 9, MUTED);
        canvas.line(MARGIN, 140, RIGHT, 140, 0.75f, ACCENT);
        textRight(canvas, "Amount (" + statement.currency() + ")", RIGHT - 6, 156, true, 9, MUTED);
        return canvas;
    }

    private static void text(PdfCanvas canvas, String value, float x, float baseline, boolean bold, float size, Color color) {
        canvas.text(WinAnsi.encode(value), x, baseline, bold, size, color);
    }

    private static void textRight(PdfCanvas canvas, String value, float right, float baseline, boolean bold, float size, Color color) {
        byte[] text = WinAnsi.encode(value);
        canvas.text(text, right - WinAnsi.width(text, bold, size), baseline, bold, size, color);
    }

    private static String or(String value) {
        return value == null ? "" : value;
    }
}
