package ng.risiti.invoice.documents.service;

import java.nio.charset.StandardCharsets;

/**
 * One page's content stream, written as PDF operators into a StringBuilder (one char per byte). Callers measure from
 * the top of the page, as a layout thinks; the PDF's bottom-up y is derived here. Fonts: /F1 Helvetica, /F2
 * Helvetica-Bold, both WinAnsi.
 */
final class PdfCanvas {

    private final float pageHeight;
    private final StringBuilder out = new StringBuilder(8192);
    private Color fillColor;

    PdfCanvas(float pageHeight) {
        this.pageHeight = pageHeight;
    }

    /** Draws WinAnsi text with its baseline {@code baseline} points below the top of the page. */
    void text(byte[] text, float x, float baseline, boolean bold, float size, Color color) {
        if (text.length == 0) {
            return;
        }
        color(color);
        out.append("BT /").append(bold ? "F2 " : "F1 ");
        number(size).append(" Tf ");
        number(x).append(' ');
        number(pageHeight - baseline).append(" Td (");
        for (byte b : text) {
            char c = (char) (b & 0xFF);
            // A literal string's delimiters and escape character are the only bytes that must be escaped.
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append(") Tj ET\n");
    }

    /** Fills a rectangle whose top left corner is {@code top} points below the top of the page. */
    void fillRect(float x, float top, float width, float height, Color color) {
        color(color);
        rect(x, top, width, height);
        out.append("f\n");
    }

    /** Adds a rectangle to the current path; {@link #fill} paints every rectangle added since as one shape. */
    void rect(float x, float top, float width, float height) {
        number(x).append(' ');
        number(pageHeight - top - height).append(' ');
        number(width).append(' ');
        number(height).append(" re\n");
    }

    void fill(Color color) {
        // The colour applies to the whole path, so it may be set after the rectangles (before the painting operator).
        color(color);
        out.append("f\n");
    }

    void line(float x1, float y1, float x2, float y2, float width, Color color) {
        out.append(color.stroke());
        number(width).append(" w ");
        number(x1).append(' ');
        number(pageHeight - y1).append(" m ");
        number(x2).append(' ');
        number(pageHeight - y2).append(" l S\n");
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void color(Color color) {
        if (color != fillColor) {
            out.append(color.fill());
            fillColor = color;
        }
    }

    /** A coordinate with at most two decimals, without String.format (slow and locale-dependent). */
    private StringBuilder number(float value) {
        long hundredths = Math.round(value * 100.0);
        if (hundredths < 0) {
            out.append('-');
            hundredths = -hundredths;
        }
        out.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            out.append('.').append((char) ('0' + fraction / 10));
            if (fraction % 10 != 0) {
                out.append((char) ('0' + fraction % 10));
            }
        }
        return out;
    }

    /** An RGB colour with its fill and stroke operators written once. */
    record Color(String fill, String stroke) {

        static Color rgb(float red, float green, float blue) {
            String components = red + " " + green + " " + blue;
            return new Color(components + " rg ", components + " RG ");
        }
    }
}
