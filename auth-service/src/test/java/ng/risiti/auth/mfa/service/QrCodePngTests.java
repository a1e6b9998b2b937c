package ng.risiti.auth.mfa.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class QrCodePngTests {

    @Test
    void theDataUriIsAPngThatDecodesBackToTheText() throws Exception {
        String uri = "otpauth://totp/Risiti:ada%40fimedigital.ng?secret=JBSWY3DPEHPK3PXP&issuer=Risiti";
        String dataUri = QrCodePng.dataUri(uri);
        assertThat(dataUri).startsWith("data:image/png;base64,");
        assertThat(decode(Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length())))).isEqualTo(uri);
    }

    @Test
    void randomEnrollmentUrisAllDecode() throws Exception {
        // The modules depend on the text (mask choice, version); many random texts catch a content-dependent fault.
        java.util.Random random = new java.util.Random(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 300; i++) {
            StringBuilder secret = new StringBuilder();
            for (int k = 0; k < 32; k++) {
                secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String uri = "otpauth://totp/Risiti:user-" + new java.util.UUID(random.nextLong(), random.nextLong())
                    + "%40example.ng?secret=" + secret + "&issuer=Risiti&algorithm=SHA1&digits=6&period=30";
            assertThat(decode(QrCodePng.png(uri))).isEqualTo(uri);
        }
    }

    /** Reads the PNG independently (our writer's format: 1-bit grayscale, filter 0) and lets zxing decode the pixels. */
    public static String decode(byte[] png) throws Exception {
        Png image = Png.read(png);
        int[] argb = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                argb[y * image.width() + x] = image.white(x, y) ? 0xFFFFFFFF : 0xFF000000;
            }
        }
        LuminanceSource source = new RGBLuminanceSource(image.width(), image.height(), argb);
        // PURE_BARCODE: the image is computer-made, so read the module grid directly. Without it zxing's finder
        // search (built for camera frames) misses about 2% of perfectly sharp random codes (fuzzed: 62 of 3000).
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    /** A minimal PNG reader: checks the signature, chunk CRCs and IHDR, inflates IDAT. */
    public record Png(int width, int height, byte[] raw) {

        static Png read(byte[] bytes) throws Exception {
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            byte[] signature = new byte[8];
            in.get(signature);
            assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            int width = 0;
            int height = 0;
            java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
            while (in.hasRemaining()) {
                int length = in.getInt();
                byte[] type = new byte[4];
                in.get(type);
                byte[] data = new byte[length];
                in.get(data);
                int crc = in.getInt();
                java.util.zip.CRC32 check = new java.util.zip.CRC32();
                check.update(type);
                check.update(data);
                assertThat((int) check.getValue()).isEqualTo(crc);
                String name = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
                if (name.equals("IHDR")) {
                    java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(data);
                    width = header.getInt();
                    height = header.getInt();
                    assertThat(header.get()).isEqualTo((byte) 1);
                    assertThat(header.get()).isEqualTo((byte) 0);
                } else if (name.equals("IDAT")) {
                    idat.writeBytes(data);
                }
            }
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(idat.toByteArray());
            byte[] raw = new byte[height * (1 + (width + 7) / 8)];
            int read = 0;
            while (read < raw.length && !inflater.finished()) {
                read += inflater.inflate(raw, read, raw.length - read);
            }
            assertThat(read).isEqualTo(raw.length);
            return new Png(width, height, raw);
        }

        boolean white(int x, int y) {
            int rowBytes = (width + 7) / 8;
            int row = y * (1 + rowBytes);
            assertThat(raw[row]).isEqualTo((byte) 0);
            return (raw[row + 1 + x / 8] & (0x80 >>> (x % 8))) != 0;
        }
    }
}
