package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The module matrix decodes to its text with ZXing's own reader, from pixels made here without AWT. */
class QrCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"INV2026042-94ND90NR-20261120", "Ẹ̀kọ́ ₦1,000 — àjàyí", "x"})
    void theModulesDecodeToTheirText(String text) throws Exception {
        assertThat(decode(QrCode.of(text))).isEqualTo(text);
    }

    @Test
    void anNrsSizedPayloadIsAVersion14SymbolInsideItsQuietZone() throws Exception {
        String payload = PdfTestDocuments.rsaCiphertextLikePayload();
        QrCode qr = QrCode.of(payload);

        assertThat(decode(qr)).isEqualTo(payload);
        // 344 bytes at level M need version 14: 17 + 4 × 14 = 73 modules, plus 4 light ones each side.
        assertThat(qr.size()).isEqualTo(73 + 2 * QrCode.QUIET_ZONE);
        for (int i = 0; i < qr.size(); i++) {
            for (int edge = 0; edge < QrCode.QUIET_ZONE; edge++) {
                assertThat(qr.dark(i, edge) || qr.dark(edge, i) || qr.dark(i, qr.size() - 1 - edge) || qr.dark(qr.size() - 1 - edge, i)).isFalse();
            }
        }
        assertThat(qr.dark(QrCode.QUIET_ZONE, QrCode.QUIET_ZONE)).as("finder pattern corner").isTrue();
    }

    @Test
    void emptyOrOversizedTextIsRefused() {
        assertThatThrownBy(() -> QrCode.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCode.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCode.of("A".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String decode(QrCode qr) throws Exception {
        int scale = 4;
        int side = qr.size() * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = qr.dark(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)))).getText();
    }
}
