package ng.risiti.invoice.documents.service;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes a PDF 1.7 file: catalog, page tree, the two standard fonts, an Info dictionary, each page with its
 * Flate-compressed content stream and link annotations, then the cross-reference table and trailer. Nothing in the
 * output depends on the clock or on randomness (the /ID is a digest of the file), so one document gives one file.
 */
final class PdfFile {

    static final float A4_WIDTH = 595.28f;
    static final float A4_HEIGHT = 841.89f;

    private static final int CATALOG = 1;
    private static final int PAGES = 2;
    private static final int HELVETICA = 3;
    private static final int HELVETICA_BOLD = 4;
    private static final int INFO = 5;
    private static final int FIRST_PAGE_OBJECT = 6;

    /** A page's content and the links on it. */
    record Page(byte[] content, List<Link> links) {
    }

    /** A clickable area (in the page's top-down coordinates, as the layout measures) opening {@code uri}. */
    record Link(float x, float top, float width, float height, String uri) {
    }

    /** Document properties a viewer shows; {@code creationDate} is a PDF date string or null. */
    record Info(String title, String author, String subject, String creationDate) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
    private final List<Integer> offsets = new ArrayList<>();

    private PdfFile() {
    }

    static byte[] write(List<Page> pages, Info info) {
        return new PdfFile().document(pages, info);
    }

    private byte[] document(List<Page> pages, Info info) {
        // The binary comment tells transfer tools the file is binary (PDF 32000-1, 7.5.2).
        ascii("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        int[] pageObjects = new int[pages.size()];
        int next = FIRST_PAGE_OBJECT;
        for (int i = 0; i < pages.size(); i++) {
            pageObjects[i] = next;
            next += 2 + pages.get(i).links().size();
        }

        object(CATALOG, "<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int pageObject : pageObjects) {
            kids.append(pageObject).append(" 0 R ");
        }
        object(PAGES, "<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.size() + " >>");
        object(HELVETICA, font("Helvetica", WinAnsi.HELVETICA));
        object(HELVETICA_BOLD, font("Helvetica-Bold", WinAnsi.HELVETICA_BOLD));
        object(INFO, info(info));

        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            int pageObject = pageObjects[i];
            StringBuilder annotations = new StringBuilder();
            for (int link = 0; link < page.links().size(); link++) {
                annotations.append(pageObject + 2 + link).append(" 0 R ");
            }
            object(pageObject, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(A4_WIDTH) + " " + number(A4_HEIGHT) + "]"
                    + " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /ProcSet [/PDF /Text] >>"
                    + " /Contents " + (pageObject + 1) + " 0 R"
                    + (annotations.isEmpty() ? "" : " /Annots [" + annotations.toString().trim() + "]") + " >>");
            stream(pageObject + 1, page.content());
            for (int link = 0; link < page.links().size(); link++) {
                object(pageObject + 2 + link, link(page.links().get(link)));
            }
        }

        int objects = next;
        int xref = out.size();
        StringBuilder table = new StringBuilder(20 * objects + 32);
        table.append("xref\n0 ").append(objects).append('\n');
        table.append("0000000000 65535 f \n");
        for (int object = 1; object < objects; object++) {
            // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, n, space, newline.
            String offset = Integer.toString(offsets.get(object - 1));
            table.append("0".repeat(10 - offset.length())).append(offset).append(" 00000 n \n");
        }
        ascii(table.toString());
        String id = digest(out.toByteArray());
        ascii("trailer\n<< /Size " + objects + " /Root 1 0 R /Info 5 0 R /ID [<" + id + "> <" + id + ">] >>\nstartxref\n"
                + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static String font(String name, int[] widths) {
        StringBuilder dictionary = new StringBuilder(1200);
        dictionary.append("<< /Type /Font /Subtype /Type1 /BaseFont /").append(name).append(" /Encoding /WinAnsiEncoding")
                .append(" /FirstChar ").append(WinAnsi.FIRST_CHAR).append(" /LastChar ").append(WinAnsi.LAST_CHAR).append(" /Widths [");
        for (int i = 0; i < widths.length; i++) {
            dictionary.append(i % 32 == 0 ? "\n" : " ").append(widths[i]);
        }
        return dictionary.append("\n] >>").toString();
    }

    private static String info(Info info) {
        StringBuilder dictionary = new StringBuilder("<< /Producer (Risiti) /Creator (Risiti)");
        entry(dictionary, "Title", info.title());
        entry(dictionary, "Author", info.author());
        entry(dictionary, "Subject", info.subject());
        if (info.creationDate() != null) {
            dictionary.append(" /CreationDate (").append(info.creationDate()).append(')');
        }
        return dictionary.append(" >>").toString();
    }

    private static void entry(StringBuilder dictionary, String key, String value) {
        if (value != null && !value.isEmpty()) {
            dictionary.append(" /").append(key).append(' ').append(textString(value));
        }
    }

    /** A text string for the Info dictionary: printable ASCII as a literal, anything else as UTF-16BE hex. */
    static String textString(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        if (ascii) {
            return "(" + value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")";
        }
        StringBuilder hex = new StringBuilder("<FEFF");
        for (int i = 0; i < value.length(); i++) {
            hex.append(String.format("%04X", (int) value.charAt(i)));
        }
        return hex.append('>').toString();
    }

    private static String link(Link link) {
        float bottom = A4_HEIGHT - link.top() - link.height();
        return "<< /Type /Annot /Subtype /Link /Rect [" + number(link.x()) + " " + number(bottom) + " " + number(link.x() + link.width())
                + " " + number(bottom + link.height()) + "] /Border [0 0 0] /A << /S /URI /URI " + textString(uri(link.uri())) + " >> >>";
    }

    /** Two decimals at most, never the exponent form Float.toString can produce. */
    private static String number(float value) {
        return BigDecimal.valueOf(Math.round(value * 100.0), 2).stripTrailingZeros().toPlainString();
    }

    /** A URI is ASCII (RFC 3986): anything else is percent-encoded as UTF-8, so a stray character cannot break the file. */
    private static String uri(String uri) {
        StringBuilder ascii = new StringBuilder(uri.length());
        for (byte b : uri.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F) {
                ascii.append((char) c);
            } else {
                ascii.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return ascii.toString();
    }

    private void object(int number, String body) {
        begin(number);
        ascii(body);
        ascii("\nendobj\n");
    }

    private void stream(int number, byte[] content) {
        byte[] compressed = deflate(content);
        begin(number);
        ascii("<< /Length " + compressed.length + " /Filter /FlateDecode >>\nstream\n");
        out.writeBytes(compressed);
        ascii("\nendstream\nendobj\n");
    }

    private void begin(int number) {
        // Objects are written in number order, so the offsets list is the xref table in order.
        if (offsets.size() != number - 1) {
            throw new IllegalStateException("PDF object " + number + " written out of order");
        }
        offsets.add(out.size());
        ascii(number + " 0 obj\n");
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(content.length / 3 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            return compressed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                hex.append(Character.forDigit((hash[i] >> 4) & 0xF, 16)).append(Character.forDigit(hash[i] & 0xF, 16));
            }
            return hex.toString().toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
