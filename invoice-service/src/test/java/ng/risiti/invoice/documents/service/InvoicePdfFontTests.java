package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.io.InputStream;
import org.apache.fontbox.afm.AFMParser;
import org.apache.fontbox.afm.FontMetrics;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.junit.jupiter.api.Test;

/** The hand-written font tables against PDFBox's copy of Adobe's metrics, and the WinAnsi encoding against Windows-1252. */
class InvoicePdfFontTests {

    /** Codes Windows-1252 leaves undefined, and DEL: never produced by the encoder. */
    private static final Set<Integer> UNUSED = Set.of(127, 0x81, 0x8D, 0x8F, 0x90, 0x9D);

    @Test
    void glyphWidthsAreAdobesForEveryWinAnsiCode() throws IOException {
        FontMetrics regular = afm("Helvetica");
        FontMetrics bold = afm("Helvetica-Bold");

        for (int code = WinAnsi.FIRST_CHAR; code <= WinAnsi.LAST_CHAR; code++) {
            // PDF 32000-1 Annex D: WinAnsi's 240 and 255 octal show as space and hyphen (PDFBox names them nbspace, sfthyphen).
            String glyph = switch (WinAnsiEncoding.INSTANCE.getName(code)) {
                case "nbspace" -> "space";
                case "sfthyphen" -> "hyphen";
                default -> WinAnsiEncoding.INSTANCE.getName(code);
            };
            assertThat(WinAnsi.HELVETICA[code - WinAnsi.FIRST_CHAR]).as("Helvetica %s (%d)", glyph, code)
                    .isEqualTo((int) regular.getCharacterWidth(glyph));
            assertThat(WinAnsi.HELVETICA_BOLD[code - WinAnsi.FIRST_CHAR]).as("Helvetica-Bold %s (%d)", glyph, code)
                    .isEqualTo((int) bold.getCharacterWidth(glyph));
        }
    }

    @Test
    void everyWindows1252CharacterEncodesToItsOwnCode() {
        Charset windows1252 = Charset.forName("windows-1252");
        for (int code = WinAnsi.FIRST_CHAR; code <= WinAnsi.LAST_CHAR; code++) {
            if (UNUSED.contains(code) || code == 0xA0 || code == 0xAD) {
                continue;
            }
            String character = new String(new byte[] {(byte) code}, windows1252);
            assertThat(WinAnsi.encode(character)).as("U+%04X", (int) character.charAt(0)).containsExactly((byte) code);
        }
    }

    @Test
    void charactersOutsideWinAnsiLoseTheirAccentsOrBecomeAQuestionMark() {
        assertThat(latin1(WinAnsi.encode("Ẹ̀kọ́ books"))).isEqualTo("Eko books");
        assertThat(latin1(WinAnsi.encode("Ọlá Àjàyí"))).isEqualTo("Olá Àjàyí");
        assertThat(latin1(WinAnsi.encode("e\u0301t\u00E9"))).isEqualTo("été");
        assertThat(latin1(WinAnsi.encode("₦1,000"))).isEqualTo("?1,000");
        assertThat(latin1(WinAnsi.encode("\uFB01le \uD83D\uDE00 ok"))).isEqualTo("file ? ok");
        assertThat(latin1(WinAnsi.encode("soft\u00ADhy\u200Bphen"))).isEqualTo("softhyphen");
        assertThat(latin1(WinAnsi.encode("a\tb\r\nc\u00A0d\u0007"))).isEqualTo("a b  c d?");
        assertThat(WinAnsi.encode("€ – “quoted” …")).containsExactly(0x80, ' ', 0x96, ' ', 0x93, 'q', 'u', 'o', 't', 'e', 'd', 0x94, ' ', 0x85);
        assertThat(WinAnsi.encode(null)).isEmpty();
    }

    @Test
    void noEncodedByteFallsOutsideTheWidthTables() {
        StringBuilder everything = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            everything.append((char) c);
        }
        for (byte b : WinAnsi.encode(everything.toString())) {
            int code = b & 0xFF;
            assertThat(code).isBetween(WinAnsi.FIRST_CHAR, WinAnsi.LAST_CHAR).isNotIn(UNUSED);
        }
    }

    /** Adobe's AFM file as PDFBox ships it. */
    private static FontMetrics afm(String font) throws IOException {
        try (InputStream in = PDFont.class.getResourceAsStream("/org/apache/pdfbox/resources/afm/" + font + ".afm")) {
            return new AFMParser(in).parse();
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
