package ng.risiti.invoice.documents.service;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * The module matrix of a QR code (error correction M, a 4-module quiet zone), from ZXing core alone: no image is made
 * here, so the PDF can draw the modules as vector squares and nothing touches java.awt (native-image safe).
 */
public final class QrCode {

    /** Light modules around the symbol that scanners need to find it (ISO/IEC 18004 asks for four). */
    public static final int QUIET_ZONE = 4;

    private final int size;
    private final boolean[] dark;

    private QrCode(int size, boolean[] dark) {
        this.size = size;
        this.dark = dark;
    }

    /**
     * The QR code of {@code text}: ISO-8859-1 byte mode when the text fits it (a Base64 NRS payload, an IRN), UTF-8
     * with its ECI marker otherwise.
     *
     * @throws IllegalArgumentException when the text is empty or too long for any QR version at level M
     */
    public static QrCode of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs text");
        }
        Map<EncodeHintType, Object> hints = latin1(text) ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code: " + e.getMessage(), e);
        }
        int symbol = matrix.getWidth();
        int size = symbol + 2 * QUIET_ZONE;
        boolean[] dark = new boolean[size * size];
        for (int y = 0; y < symbol; y++) {
            for (int x = 0; x < symbol; x++) {
                dark[(y + QUIET_ZONE) * size + x + QUIET_ZONE] = matrix.get(x, y) == 1;
            }
        }
        return new QrCode(size, dark);
    }

    private static boolean latin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return size;
    }

    /** Whether the module at column {@code x}, row {@code y} (from the top left, quiet zone included) is dark. */
    public boolean dark(int x, int y) {
        return x >= 0 && y >= 0 && x < size && y < size && dark[y * size + x];
    }
}
