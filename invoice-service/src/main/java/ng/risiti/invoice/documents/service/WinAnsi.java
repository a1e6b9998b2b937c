package ng.risiti.invoice.documents.service;

import java.text.Normalizer;

/**
 * Text for the PDF's standard 14 fonts (Helvetica, Helvetica-Bold) in WinAnsiEncoding: the one byte per character
 * they can show, and each glyph's width so the layout can measure text without AWT. No font is embedded, so anything
 * outside WinAnsi degrades here (accents dropped, then '?') instead of producing a PDF a viewer cannot show.
 */
final class WinAnsi {

    static final int FIRST_CHAR = 32;
    static final int LAST_CHAR = 255;

    /**
     * Advance widths in 1/1000 em of WinAnsi codes 32–255, from Adobe's public AFM metrics (Helvetica.afm and
     * Helvetica-Bold.afm, 1997). Codes WinAnsi leaves unused (127, 129, 141, 143, 144, 157) show as the bullet.
     */
    static final int[] HELVETICA = {
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // 32-47
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 48-63
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // 64-79
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // 80-95
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // 96-111
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350,  // 112-127
            556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350,  // 128-143
            350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667,  // 144-159
            278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,  // 160-175
            400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,  // 176-191
            667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  // 192-207
            722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  // 208-223
            556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,  // 224-239
            556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,  // 240-255
    };
    static final int[] HELVETICA_BOLD = {
            278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  // 32-47
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  // 48-63
            975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  // 64-79
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  // 80-95
            333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  // 96-111
            611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350,  // 112-127
            556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350,  // 128-143
            350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667,  // 144-159
            278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,  // 160-175
            400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,  // 176-191
            722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  // 192-207
            722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  // 208-223
            556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,  // 224-239
            611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,  // 240-255
    };

    /** The Unicode characters of WinAnsi codes 128–159 (Windows-1252), 0 where the code is unused. */
    private static final char[] CODES_128_TO_159 = {
            '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
            0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'};

    private WinAnsi() {
    }

    /**
     * The WinAnsi bytes of {@code text}, one per character: a character WinAnsi lacks loses its accents (compatibility
     * decomposition, combining marks dropped: "Ẹ̀kọ́" → "Eko") or else becomes '?' ("₦"). Invisible format characters
     * (soft hyphen, zero-width space) vanish, line breaks and tabs become spaces, other control characters '?'. Never
     * throws; null is empty.
     */
    static byte[] encode(String text) {
        if (text == null || text.isEmpty()) {
            return new byte[0];
        }
        byte[] direct = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            int code = code(text.charAt(i));
            if (code < 0) {
                return degrade(text);
            }
            direct[i] = (byte) code;
        }
        return direct;
    }

    /** Slow path, only for text with a character outside WinAnsi. */
    private static byte[] degrade(String text) {
        // NFC first so a letter typed as base + combining accent ("e" + U+0301) stays the WinAnsi "é".
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(codePoint -> {
            int code = codePoint <= 0xFFFF ? code((char) codePoint) : -1;
            if (code >= 0) {
                out.append((char) code);
            } else if (!combiningMark(codePoint) && Character.getType(codePoint) != Character.FORMAT) {
                int before = out.length();
                Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD).codePoints().forEach(part -> {
                    int partCode = part <= 0xFFFF ? code((char) part) : -1;
                    if (partCode >= 0) {
                        out.append((char) partCode);
                    }
                });
                if (out.length() == before) {
                    out.append('?');
                }
            }
        });
        byte[] bytes = new byte[out.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) out.charAt(i);
        }
        return bytes;
    }

    private static boolean combiningMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The WinAnsi code of one character, or -1. */
    private static int code(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return c;
        }
        if (c == '\n' || c == '\r' || c == '\t' || c == '\u00A0') {
            return ' ';
        }
        if (c >= 0xA1 && c <= 0xFF && c != 0xAD) {
            return c;
        }
        if (c >= 0x2013 || c == 0x0152 || c == 0x0153 || c == 0x0160 || c == 0x0161 || c == 0x0178 || c == 0x017D || c == 0x017E
                || c == 0x0192 || c == 0x02C6 || c == 0x02DC) {
            for (int i = 0; i < CODES_128_TO_159.length; i++) {
                if (CODES_128_TO_159[i] == c) {
                    return 128 + i;
                }
            }
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return '?';
        }
        return -1;
    }

    /** The width of WinAnsi bytes in points at {@code size}. */
    static float width(byte[] text, boolean bold, float size) {
        int[] widths = bold ? HELVETICA_BOLD : HELVETICA;
        int units = 0;
        for (byte b : text) {
            units += widths[(b & 0xFF) - FIRST_CHAR];
        }
        return units * size / 1000f;
    }

    static float width(byte[] text, int from, int to, boolean bold, float size) {
        int[] widths = bold ? HELVETICA_BOLD : HELVETICA;
        int units = 0;
        for (int i = from; i < to; i++) {
            units += widths[(text[i] & 0xFF) - FIRST_CHAR];
        }
        return units * size / 1000f;
    }
}
