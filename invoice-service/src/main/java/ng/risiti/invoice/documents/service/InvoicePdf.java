package ng.risiti.invoice.documents.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Address;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Line;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Party;
import ng.risiti.invoice.documents.domain.InvoiceDocument.TaxSubtotal;
import ng.risiti.invoice.documents.service.PdfCanvas.Color;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * The PDF of an invoice or credit note: A4 portrait, the standard Helvetica fonts (nothing embedded), the NRS QR code
 * drawn as vector squares. Written by hand rather than through a PDF library so the path has no AWT and no
 * reflection (native-image safe) and renders in milliseconds. The same document always gives the same bytes.
 */
public final class InvoicePdf {

    private static final float WIDTH = PdfFile.A4_WIDTH;
    private static final float HEIGHT = PdfFile.A4_HEIGHT;
    private static final float MARGIN = 42f;
    private static final float RIGHT = WIDTH - MARGIN;
    private static final float CONTENT_WIDTH = RIGHT - MARGIN;
    /** Content ends above this line; the footer is below it. */
    private static final float BOTTOM = HEIGHT - 60f;
    /** Where content starts on a page after the first, below its one-line header. */
    private static final float CONTINUATION_TOP = MARGIN + 30f;

    private static final Color TEXT = Color.rgb(0.13f, 0.13f, 0.13f);
    private static final Color MUTED = Color.rgb(0.42f, 0.42f, 0.42f);
    private static final Color ACCENT = Color.rgb(0.04f, 0.36f, 0.25f);
    private static final Color RULE = Color.rgb(0.8f, 0.8f, 0.8f);
    private static final Color BAND = Color.rgb(0.92f, 0.96f, 0.94f);
    /** Pure black on white: what QR scanners threshold best. */
    private static final Color QR_DARK = Color.rgb(0f, 0f, 0f);

    /** The lines table: column titles, widths and whether figures align right; the description takes what is left. */
    private static final String[] COLUMN_TITLES = {"#", "DESCRIPTION", "QTY", "UNIT PRICE", "DISC.", "VAT", "NET"};
    private static final float[] COLUMN_WIDTHS = {20f, 0f, 50f, 72f, 38f, 46f, 80f};
    private static final float[] COLUMN_LEFTS = new float[COLUMN_WIDTHS.length];
    private static final int DESCRIPTION = 1;
    private static final float CELL_PADDING = 4f;
    private static final float TABLE_HEADER_HEIGHT = 18f;
    private static final float ROW_FONT = 8.5f;
    private static final float ROW_LEADING = 10.5f;
    private static final float DETAIL_FONT = 7f;
    private static final float DETAIL_LEADING = 9f;
    private static final float QR_SIZE = 118f;
    private static final float TOTALS_WIDTH = 185f;
    /** The first page's header does not flow onto another page, so each of its items is capped (then cut with an ellipsis). */
    private static final int MAX_DETAIL_LINES = 3;

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final byte[] ELLIPSIS = {(byte) 0x85};

    static {
        float fixed = 0;
        for (float width : COLUMN_WIDTHS) {
            fixed += width;
        }
        COLUMN_WIDTHS[DESCRIPTION] = CONTENT_WIDTH - fixed;
        float left = MARGIN;
        for (int i = 0; i < COLUMN_WIDTHS.length; i++) {
            COLUMN_LEFTS[i] = left;
            left += COLUMN_WIDTHS[i];
        }
    }

    private final InvoiceDocument document;
    private final String currency;
    private final List<PdfCanvas> pages = new ArrayList<>();
    private final List<List<PdfFile.Link>> links = new ArrayList<>();
    private PdfCanvas canvas;
    /** The layout's cursor: points below the top of the current page. */
    private float y;

    private InvoicePdf(InvoiceDocument document) {
        this.document = document;
        this.currency = blank(document.currency()) ? "NGN" : document.currency().trim();
    }

    /** The PDF file of a finalized invoice or credit note. */
    public static byte[] of(InvoiceDocument document) {
        return new InvoicePdf(document).render();
    }

    private byte[] render() {
        newPage();
        header();
        parties();
        linesTable();
        totals();
        qrAndPayment();
        notes();
        footers();
        List<PdfFile.Page> files = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            files.add(new PdfFile.Page(pages.get(i).bytes(), links.get(i)));
        }
        return PdfFile.write(files, info());
    }

    // ---- page structure ----

    private void newPage() {
        canvas = new PdfCanvas(HEIGHT);
        pages.add(canvas);
        links.add(new ArrayList<>());
        y = MARGIN;
    }

    /** A page after the first: who and which document in one line, so a loose page is still identifiable. */
    private void continuationPage() {
        newPage();
        fitted(document.supplier() == null ? "" : document.supplier().name(), MARGIN, MARGIN + 10, CONTENT_WIDTH / 2 - 10, true, 9,
                TEXT, false);
        fitted(title() + " " + nullToEmpty(document.number()) + " (continued)", RIGHT, MARGIN + 10, CONTENT_WIDTH / 2 - 10, true, 9,
                ACCENT, true);
        canvas.line(MARGIN, MARGIN + 17, RIGHT, MARGIN + 17, 0.75f, ACCENT);
        y = CONTINUATION_TOP;
    }

    /** Starts a new page unless {@code height} more points fit on this one. */
    private void ensureSpace(float height) {
        if (y + height > BOTTOM) {
            continuationPage();
        }
    }

    private void footers() {
        String footer = document.footer();
        for (int i = 0; i < pages.size(); i++) {
            canvas = pages.get(i);
            canvas.line(MARGIN, HEIGHT - 48, RIGHT, HEIGHT - 48, 0.5f, RULE);
            List<byte[]> lines = limit(wrap(footer, CONTENT_WIDTH - 90, false, 7.5f), 2, CONTENT_WIDTH - 90, false, 7.5f);
            for (int line = 0; line < lines.size(); line++) {
                canvas.text(lines.get(line), MARGIN, HEIGHT - 37 + line * 9, false, 7.5f, MUTED);
            }
            textRight("Page " + (i + 1) + " of " + pages.size(), RIGHT, HEIGHT - 37, false, 7.5f, MUTED);
        }
    }

    // ---- first page: supplier, title and numbers, customer ----

    private void header() {
        Party supplier = document.supplier();
        float top = y;
        float left = top;
        float leftWidth = 290;
        if (supplier != null) {
            for (byte[] line : limit(wrap(supplier.name(), leftWidth, true, 16), 3, leftWidth, true, 16)) {
                left += 18;
                canvas.text(line, MARGIN, left - 4, true, 16, TEXT);
            }
            left += 2;
            List<String> details = new ArrayList<>(address(supplier.address()));
            addIfSet(details, "TIN: ", supplier.tin());
            addIfSet(details, "", supplier.email());
            addIfSet(details, "Phone: ", supplier.phone());
            addIfSet(details, "Logo: ", document.logoUrl());
            for (String detail : details) {
                for (byte[] line : limit(wrap(detail, leftWidth, false, 9), MAX_DETAIL_LINES, leftWidth, false, 9)) {
                    left += 12;
                    canvas.text(line, MARGIN, left, false, 9, MUTED);
                }
            }
        }

        float labelX = RIGHT - 235;
        textRight(title(), RIGHT, top + 20, true, 22, ACCENT);
        float right = top + 28;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {document.creditNote() ? "Credit note number" : "Invoice number", document.number()});
        rows.add(new String[] {"Issue date", date(document.issueDate())});
        if (!document.creditNote() && document.dueDate() != null) {
            rows.add(new String[] {"Due date", date(document.dueDate())});
        }
        rows.add(new String[] {"IRN", document.irn()});
        for (String[] row : rows) {
            right += 13;
            text(row[0], labelX, right, false, 8.5f, MUTED);
            fitted(row[1], RIGHT, right, 160, true, 8.5f, TEXT, true);
        }
        if (document.creditNote()) {
            List<String> credit = new ArrayList<>();
            InvoiceDocument.OriginalInvoice original = document.original();
            if (original != null) {
                credit.add("Credits invoice " + nullToEmpty(original.number()) + " of " + date(original.issueDate()));
                addIfSet(credit, "Original IRN: ", original.irn());
            }
            addIfSet(credit, "Reason: ", document.creditReason());
            right += 4;
            for (String item : credit) {
                for (byte[] line : limit(wrap(item, 235, false, 8.5f), MAX_DETAIL_LINES, 235, false, 8.5f)) {
                    right += 11.5f;
                    canvas.text(line, labelX, right, false, 8.5f, TEXT);
                }
            }
        }
        y = Math.max(left, right) + 14;
        canvas.line(MARGIN, y, RIGHT, y, 1, ACCENT);
    }

    private void parties() {
        y += 18;
        text("BILL TO", MARGIN, y, true, 7.5f, ACCENT);
        float left = y;
        float leftWidth = 280;
        Party customer = document.customer();
        if (customer != null) {
            for (byte[] line : limit(wrap(customer.name(), leftWidth, true, 11), MAX_DETAIL_LINES, leftWidth, true, 11)) {
                left += 14;
                canvas.text(line, MARGIN, left, true, 11, TEXT);
            }
            left += 2;
            List<String> details = new ArrayList<>();
            addIfSet(details, "TIN: ", customer.tin());
            addIfSet(details, "", customer.email());
            addIfSet(details, "Phone: ", customer.phone());
            details.addAll(address(customer.address()));
            for (String detail : details) {
                for (byte[] line : limit(wrap(detail, leftWidth, false, 9), MAX_DETAIL_LINES, leftWidth, false, 9)) {
                    left += 12;
                    canvas.text(line, MARGIN, left, false, 9, MUTED);
                }
            }
        }

        // The one figure a reader looks for first, in a band at the right.
        float boxWidth = 200;
        float boxX = RIGHT - boxWidth;
        float boxTop = y - 9;
        float boxHeight = 62;
        canvas.fillRect(boxX, boxTop, boxWidth, boxHeight, BAND);
        text(document.creditNote() ? "TOTAL CREDITED" : "TOTAL DUE", boxX + 10, boxTop + 16, true, 7.5f, ACCENT);
        fitted(money(document.total()), boxX + 10, boxTop + 37, boxWidth - 20, true, 15, TEXT, false);
        String below = document.creditNote()
                ? (document.original() == null ? "" : "Against invoice " + nullToEmpty(document.original().number()))
                : (document.dueDate() == null ? "" : "Due " + date(document.dueDate()));
        fitted(below, boxX + 10, boxTop + 52, boxWidth - 20, false, 8.5f, MUTED, false);
        y = Math.max(left, boxTop + boxHeight) + 22;
    }

    // ---- the lines table ----

    private void linesTable() {
        textRight("Amounts in " + currency, RIGHT, y, false, 7.5f, MUTED);
        y += 5;
        tableHeader();
        List<Line> lines = document.lines() == null ? List.of() : document.lines();
        for (Line line : lines) {
            row(line);
        }
    }

    private void tableHeader() {
        canvas.fillRect(MARGIN, y, CONTENT_WIDTH, TABLE_HEADER_HEIGHT, BAND);
        for (int column = 0; column < COLUMN_TITLES.length; column++) {
            cell(COLUMN_TITLES[column], column, y + 12, true, 7.5f, ACCENT);
        }
        y += TABLE_HEADER_HEIGHT;
    }

    /** One line's row; a row taller than the rest of the page moves to the next, and one taller than a page is split. */
    private void row(Line line) {
        List<byte[]> text = wrap(line.description(), COLUMN_WIDTHS[DESCRIPTION] - 2 * CELL_PADDING, false, ROW_FONT);
        if (text.isEmpty()) {
            text = List.of(new byte[0]);
        }
        String detail = join(" \u00B7 ", blank(line.hsnCode()) ? null : "HS " + line.hsnCode(), line.productCategory());
        List<byte[]> details = wrap(detail, COLUMN_WIDTHS[DESCRIPTION] - 2 * CELL_PADDING, false, DETAIL_FONT);
        int count = text.size() + details.size();
        float freshPage = BOTTOM - CONTINUATION_TOP - TABLE_HEADER_HEIGHT - 2 * CELL_PADDING;

        int next = 0;
        while (next < count) {
            float remaining = height(next, count, text.size());
            float available = BOTTOM - y - 2 * CELL_PADDING;
            if (remaining > available) {
                boolean wholeRowFitsOnNextPage = next == 0 && remaining <= freshPage;
                boolean nothingFitsHere = available < leading(next, text.size());
                if (wholeRowFitsOnNextPage || nothingFitsHere) {
                    continuationPage();
                    tableHeader();
                    continue;
                }
            }
            int end = next;
            float used = 0;
            while (end < count && used + leading(end, text.size()) <= available) {
                used += leading(end, text.size());
                end++;
            }
            float top = y;
            float first = top + CELL_PADDING + 7.5f;
            float x = COLUMN_LEFTS[DESCRIPTION] + CELL_PADDING;
            // Drawn in reading order (number, the whole description, then the figures), so text copied or extracted
            // from the page keeps a wrapped description in one piece.
            if (next == 0) {
                cell(Integer.toString(line.position()), 0, first, false, ROW_FONT, MUTED);
            }
            float baseline = first;
            for (int i = next; i < end; i++) {
                if (i < text.size()) {
                    canvas.text(text.get(i), x, baseline, false, ROW_FONT, TEXT);
                } else {
                    canvas.text(details.get(i - text.size()), x, baseline - 0.5f, false, DETAIL_FONT, MUTED);
                }
                baseline += leading(i, text.size());
            }
            if (next == 0) {
                cell(quantity(line.quantity()), 2, first, false, ROW_FONT, TEXT);
                cell(amount(line.unitPrice()), 3, first, false, ROW_FONT, TEXT);
                cell(line.discountPercent() == null || line.discountPercent().signum() == 0 ? "" : percent(line.discountPercent()), 4,
                        first, false, ROW_FONT, TEXT);
                cell(vat(line), 5, first, false, ROW_FONT, TEXT);
                cell(amount(line.net()), 6, first, false, ROW_FONT, TEXT);
            }
            y = top + used + 2 * CELL_PADDING;
            canvas.line(MARGIN, y, RIGHT, y, 0.5f, RULE);
            next = end;
        }
    }

    private static float leading(int item, int descriptionLines) {
        return item < descriptionLines ? ROW_LEADING : DETAIL_LEADING;
    }

    private static float height(int from, int to, int descriptionLines) {
        float height = 0;
        for (int i = from; i < to; i++) {
            height += leading(i, descriptionLines);
        }
        return height;
    }

    /** Text in a table column: figures right-aligned, shrunk rather than spilling into the next column. */
    private void cell(String value, int column, float baseline, boolean bold, float size, Color color) {
        float inner = COLUMN_WIDTHS[column] - 2 * CELL_PADDING;
        if (column <= DESCRIPTION) {
            fitted(value, COLUMN_LEFTS[column] + CELL_PADDING, baseline, inner, bold, size, color, false);
        } else {
            fitted(value, COLUMN_LEFTS[column] + COLUMN_WIDTHS[column] - CELL_PADDING, baseline, inner, bold, size, color, true);
        }
    }

    // ---- VAT breakdown and totals ----

    private void totals() {
        List<TaxSubtotal> subtotals = document.lines() == null ? List.of() : document.taxSubtotals();
        float vatWidth = 300;
        List<List<byte[]>> reasons = new ArrayList<>();
        float vatHeight = 30;
        for (TaxSubtotal subtotal : subtotals) {
            List<byte[]> reason = wrap(subtotal.exemptionReason(), vatWidth, false, 7);
            reasons.add(reason);
            vatHeight += 13 + reason.size() * 9;
        }
        float height = 20 + Math.max(vatHeight, 62);
        ensureSpace(height);
        y += 20;
        float top = y;

        text("VAT BREAKDOWN", MARGIN, top, true, 7.5f, ACCENT);
        float[] rights = {MARGIN + 150, MARGIN + 230, MARGIN + vatWidth};
        float row = top + 14;
        text("Category", MARGIN, row, true, 7.5f, MUTED);
        textRight("Rate", rights[0], row, true, 7.5f, MUTED);
        textRight("Taxable", rights[1], row, true, 7.5f, MUTED);
        textRight("VAT", rights[2], row, true, 7.5f, MUTED);
        canvas.line(MARGIN, row + 4, MARGIN + vatWidth, row + 4, 0.5f, RULE);
        for (int i = 0; i < subtotals.size(); i++) {
            TaxSubtotal subtotal = subtotals.get(i);
            row += 13;
            fitted(category(subtotal.category()), MARGIN, row, 100, false, 8.5f, TEXT, false);
            // An exempt supply has no rate (0% would read as zero-rated, which is a different thing for NRS).
            textRight("E".equals(subtotal.category()) ? "\u2013" : percent(subtotal.percent()), rights[0], row, false, 8.5f, TEXT);
            fitted(amount(subtotal.taxable()), rights[1], row, 74, false, 8.5f, TEXT, true);
            fitted(amount(subtotal.tax()), rights[2], row, 64, false, 8.5f, TEXT, true);
            for (byte[] reason : reasons.get(i)) {
                row += 9;
                canvas.text(reason, MARGIN, row, false, 7, MUTED);
            }
        }

        float line = top;
        total("Subtotal", money(document.lineTotal()), line, false, 9, MUTED);
        line += 16;
        total("VAT", money(document.taxTotal()), line, false, 9, MUTED);
        line += 8;
        canvas.line(RIGHT - TOTALS_WIDTH, line, RIGHT, line, 1, ACCENT);
        line += 16;
        total(document.creditNote() ? "Total credited" : "Total", money(document.total()), line, true, 11, TEXT);
        if (document.withholding() != null) {
            // deducted by the payer, not part of the total: shown under it, with what the supplier will actually receive
            line += 16;
            total("WHT " + percent(document.withholding().percent()) + " (payer deducts)", "-" + money(document.withholding().amount()), line, false, 9,
                    MUTED);
            line += 14;
            total("Net after WHT", money(document.withholding().netOf(document.total())), line, false, 9, MUTED);
        }
        y = Math.max(row, line) + 6;
    }

    /** A label at the left of the totals column and its figure at the right, the figure shrunk if they would meet. */
    private void total(String label, String value, float baseline, boolean bold, float size, Color labelColor) {
        byte[] text = WinAnsi.encode(label);
        canvas.text(text, RIGHT - TOTALS_WIDTH, baseline, bold, size, labelColor);
        fitted(value, RIGHT, baseline, TOTALS_WIDTH - WinAnsi.width(text, bold, size) - 10, bold, size, TEXT, true);
    }

    // ---- NRS QR code, payment, notes ----

    private void qrAndPayment() {
        float textX = MARGIN + QR_SIZE + 22;
        float textWidth = RIGHT - textX;
        List<Paragraph> paragraphs = new ArrayList<>();
        if (document.creditNote()) {
            paragraphs.add(new Paragraph("CREDIT", true, ACCENT, false));
            String against = document.original() == null ? "the invoice it credits" : "invoice " + nullToEmpty(document.original().number());
            paragraphs.add(new Paragraph("This credit note reduces the amount owed on " + against + " by " + money(document.total()) + ".",
                    false, TEXT, false));
        } else {
            paragraphs.add(new Paragraph("PAYMENT", true, ACCENT, false));
            String due = document.dueDate() == null ? "" : " by " + date(document.dueDate());
            paragraphs.add(new Paragraph("Please pay " + money(document.total()) + due + ", quoting " + nullToEmpty(document.number())
                    + " as the payment reference.", false, TEXT, false));
            if (document.withholding() != null) {
                paragraphs.add(new Paragraph("If you withhold tax, pay " + money(document.withholding().netOf(document.total()))
                        + " and remit the " + money(document.withholding().amount()) + " withheld to NRS, sending us the WHT credit note.",
                        false, TEXT, false));
            }
            if (!blank(document.payUrl())) {
                paragraphs.add(new Paragraph("Pay online:", false, TEXT, false));
                paragraphs.add(new Paragraph(document.payUrl(), false, ACCENT, true));
            }
        }
        paragraphs.add(new Paragraph("VERIFICATION", true, ACCENT, false));
        paragraphs.add(new Paragraph("Scan the NRS QR code to verify this document with the Nigeria Revenue Service (NRS).",
                false, TEXT, false));

        float textHeight = 0;
        List<List<byte[]>> wrapped = new ArrayList<>();
        for (Paragraph paragraph : paragraphs) {
            // Capped so the block always fits a page; a link keeps its whole address in its annotation.
            List<byte[]> lines = limit(wrap(paragraph.text(), textWidth, paragraph.bold(), 8.5f), 4, textWidth, paragraph.bold(), 8.5f);
            wrapped.add(lines);
            textHeight += lines.size() * 11.5f + (paragraph.bold() ? 2 : 4);
        }
        ensureSpace(24 + Math.max(QR_SIZE + 24, textHeight));
        y += 24;
        float top = y;

        String payload = blank(document.qrPayload()) ? document.irn() : document.qrPayload();
        QrCode qr = qr(payload);
        if (qr != null) {
            drawQr(qr, MARGIN, top, QR_SIZE);
        } else {
            canvas.fillRect(MARGIN, top, QR_SIZE, QR_SIZE, BAND);
            centred("QR code unavailable", MARGIN + QR_SIZE / 2, top + QR_SIZE / 2, QR_SIZE - 8, false, 7.5f, MUTED);
        }
        centred("NRS QR code", MARGIN + QR_SIZE / 2, top + QR_SIZE + 9, QR_SIZE, true, 7.5f, TEXT);
        centred(document.irn(), MARGIN + QR_SIZE / 2, top + QR_SIZE + 18, QR_SIZE, false, 6.5f, MUTED);

        float line = top + 4;
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph paragraph = paragraphs.get(i);
            for (byte[] text : wrapped.get(i)) {
                line += 11.5f;
                canvas.text(text, textX, line, paragraph.bold(), 8.5f, paragraph.color());
                if (paragraph.link()) {
                    float width = WinAnsi.width(text, false, 8.5f);
                    links.getLast().add(new PdfFile.Link(textX, line - 8.5f, width, 11, paragraph.text()));
                }
            }
            line += paragraph.bold() ? 2 : 4;
        }
        y = Math.max(top + QR_SIZE + 24, line);
    }

    /** One block of text beside the QR code; {@code link} makes it a clickable URI. */
    private record Paragraph(String text, boolean bold, Color color, boolean link) {
    }

    private static QrCode qr(String payload) {
        if (blank(payload)) {
            return null;
        }
        try {
            return QrCode.of(payload);
        } catch (IllegalArgumentException tooLong) {
            // The PDF must still be produced; the IRN and the missing-code note stay visible on it.
            return null;
        }
    }

    /** One rectangle per horizontal run of dark modules, filled as one path: compact, and no seams between modules. */
    private void drawQr(QrCode qr, float x, float top, float size) {
        float module = size / qr.size();
        for (int row = 0; row < qr.size(); row++) {
            int column = 0;
            while (column < qr.size()) {
                if (!qr.dark(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < qr.size() && qr.dark(column, row)) {
                    column++;
                }
                canvas.rect(x + start * module, top + row * module, (column - start) * module, module);
            }
        }
        canvas.fill(QR_DARK);
    }

    private void notes() {
        if (blank(document.notes())) {
            return;
        }
        ensureSpace(30);
        y += 16;
        text("NOTES", MARGIN, y, true, 7.5f, ACCENT);
        y += 2;
        for (String paragraph : document.notes().split("\\R")) {
            for (byte[] line : wrap(paragraph, CONTENT_WIDTH, false, 8.5f)) {
                ensureSpace(11.5f);
                y += 11.5f;
                canvas.text(line, MARGIN, y, false, 8.5f, TEXT);
            }
        }
    }

    private PdfFile.Info info() {
        String title = (document.creditNote() ? "Credit note " : "Invoice ") + nullToEmpty(document.number());
        String author = document.supplier() == null ? null : document.supplier().name();
        return new PdfFile.Info(title, author, blank(document.irn()) ? null : "IRN " + document.irn(), pdfDate(document.finalizedAt()));
    }

    // ---- text ----

    private void text(String value, float x, float baseline, boolean bold, float size, Color color) {
        canvas.text(WinAnsi.encode(value), x, baseline, bold, size, color);
    }

    private void textRight(String value, float right, float baseline, boolean bold, float size, Color color) {
        byte[] text = WinAnsi.encode(value);
        canvas.text(text, right - WinAnsi.width(text, bold, size), baseline, bold, size, color);
    }

    private void centred(String value, float centre, float baseline, float maxWidth, boolean bold, float size, Color color) {
        byte[] text = WinAnsi.encode(value);
        float fittedSize = fittedSize(text, maxWidth, bold, size);
        text = ellipsize(text, maxWidth, bold, fittedSize);
        canvas.text(text, centre - WinAnsi.width(text, bold, fittedSize) / 2, baseline, bold, fittedSize, color);
    }

    /** One line of text in {@code maxWidth}: shrunk to at most 65% of its size, then cut with an ellipsis. */
    private void fitted(String value, float x, float baseline, float maxWidth, boolean bold, float size, Color color, boolean alignRight) {
        byte[] text = WinAnsi.encode(value);
        float fittedSize = fittedSize(text, maxWidth, bold, size);
        text = ellipsize(text, maxWidth, bold, fittedSize);
        float left = alignRight ? x - WinAnsi.width(text, bold, fittedSize) : x;
        canvas.text(text, left, baseline, bold, fittedSize, color);
    }

    private static float fittedSize(byte[] text, float maxWidth, boolean bold, float size) {
        float width = WinAnsi.width(text, bold, size);
        return width <= maxWidth ? size : Math.max(size * 0.65f, size * maxWidth / width);
    }

    private static byte[] ellipsize(byte[] text, float maxWidth, boolean bold, float size) {
        if (WinAnsi.width(text, bold, size) <= maxWidth) {
            return text;
        }
        float room = maxWidth - WinAnsi.width(ELLIPSIS, bold, size);
        int end = text.length;
        while (end > 0 && WinAnsi.width(text, 0, end, bold, size) > room) {
            end--;
        }
        byte[] cut = Arrays.copyOf(text, end + 1);
        cut[end] = ELLIPSIS[0];
        return cut;
    }

    /** Greedy line breaking at spaces; a word longer than the line (a URL, a long code) is broken between characters. */
    static List<byte[]> wrap(String value, float width, boolean bold, float size) {
        byte[] text = WinAnsi.encode(value);
        int[] widths = bold ? WinAnsi.HELVETICA_BOLD : WinAnsi.HELVETICA;
        float limit = width * 1000f / size;
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            while (start < text.length && text[start] == ' ') {
                start++;
            }
            if (start >= text.length) {
                return lines;
            }
            int end = start;
            float used = 0;
            int lastSpace = -1;
            while (end < text.length) {
                int glyph = widths[(text[end] & 0xFF) - WinAnsi.FIRST_CHAR];
                if (used + glyph > limit && end > start) {
                    break;
                }
                if (text[end] == ' ') {
                    lastSpace = end;
                }
                used += glyph;
                end++;
            }
            if (end < text.length && text[end] != ' ' && lastSpace > start) {
                end = lastSpace;
            }
            int trimmed = end;
            while (trimmed > start && text[trimmed - 1] == ' ') {
                trimmed--;
            }
            lines.add(Arrays.copyOfRange(text, start, trimmed));
            start = end;
        }
    }

    private static List<byte[]> limit(List<byte[]> lines, int max, float width, boolean bold, float size) {
        if (lines.size() <= max) {
            return lines;
        }
        List<byte[]> kept = new ArrayList<>(lines.subList(0, max));
        byte[] last = kept.get(max - 1);
        byte[] longer = Arrays.copyOf(last, last.length + 2);
        longer[last.length] = ' ';
        longer[last.length + 1] = ELLIPSIS[0];
        kept.set(max - 1, ellipsize(longer, width, bold, size));
        return kept;
    }

    // ---- formats ----

    private String title() {
        return document.creditNote() ? "CREDIT NOTE" : "INVOICE";
    }

    /** Money as the PDF shows a total: currency code, thousands separators, two decimals ("NGN 1,234,567.89"). */
    private String money(Kobo kobo) {
        return kobo == null ? "" : currency + " " + amount(kobo);
    }

    /** Kobo as naira with thousands separators and two decimals, the currency left to the column title. */
    static String amount(Kobo kobo) {
        if (kobo == null) {
            return "";
        }
        String digits = Long.toString(kobo.value());
        boolean negative = digits.startsWith("-");
        if (negative) {
            digits = digits.substring(1);
        }
        if (digits.length() < 3) {
            digits = "0".repeat(3 - digits.length()) + digits;
        }
        int whole = digits.length() - 2;
        return (negative ? "-" : "") + grouped(digits.substring(0, whole)) + "." + digits.substring(whole);
    }

    private static String quantity(BigDecimal quantity) {
        if (quantity == null) {
            return "";
        }
        String plain = plain(quantity);
        boolean negative = plain.startsWith("-");
        String unsigned = negative ? plain.substring(1) : plain;
        int point = unsigned.indexOf('.');
        String whole = point < 0 ? unsigned : unsigned.substring(0, point);
        return (negative ? "-" : "") + grouped(whole) + (point < 0 ? "" : unsigned.substring(point));
    }

    private static String grouped(String digits) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String percent(BigDecimal percent) {
        return percent == null ? "" : plain(percent) + "%";
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String vat(Line line) {
        String category = nullToEmpty(line.vatCategory());
        return "E".equals(category) ? "E" : category + " " + percent(line.vatPercent());
    }

    private static String category(String code) {
        return switch (nullToEmpty(code)) {
            case "S" -> "Standard rated (S)";
            case "Z" -> "Zero rated (Z)";
            case "E" -> "Exempt (E)";
            default -> nullToEmpty(code);
        };
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /** A PDF date (PDF 32000-1, 7.9.4), e.g. D:20261120103000+01'00'. */
    static String pdfDate(OffsetDateTime at) {
        if (at == null) {
            return null;
        }
        int offsetMinutes = at.getOffset().getTotalSeconds() / 60;
        return "D:" + at.getYear() + two(at.getMonthValue()) + two(at.getDayOfMonth()) + two(at.getHour()) + two(at.getMinute())
                + two(at.getSecond()) + (offsetMinutes == 0 ? "Z" : (offsetMinutes < 0 ? "-" : "+") + two(Math.abs(offsetMinutes) / 60)
                + "'" + two(Math.abs(offsetMinutes) % 60) + "'");
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static List<String> address(Address address) {
        List<String> lines = new ArrayList<>();
        if (address == null) {
            return lines;
        }
        addIfSet(lines, "", address.street());
        addIfSet(lines, "", join(" ", address.city(), address.postalZone()));
        addIfSet(lines, "", "NG".equalsIgnoreCase(nullToEmpty(address.country()).trim()) ? "Nigeria" : address.country());
        return lines;
    }

    private static void addIfSet(List<String> lines, String prefix, String value) {
        if (!blank(value)) {
            lines.add(prefix + value.trim());
        }
    }

    private static String join(String separator, String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!blank(part)) {
                out.append(out.isEmpty() ? "" : separator).append(part.trim());
            }
        }
        return out.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
