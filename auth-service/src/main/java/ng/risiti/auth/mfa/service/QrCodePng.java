package ng.risiti.auth.mfa.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A QR code as a PNG data URI. zxing (core only) computes the modules; the PNG (1-bit grayscale) is written here
 * with java.util.zip, because AWT/ImageIO would not survive a GraalVM native image.
 */
public final class QrCodePng {

    private static final int SCALE = 6;
    private static final int QUIET_ZONE = 4;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private QrCodePng() {
    }

    public static String dataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
    }

    public static byte[] png(String text) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR code", e);
        }
        return png(modules, SCALE);
    }

    /** Black modules on white, each module {@code scale} pixels square. */
    static byte[] png(BitMatrix modules, int scale) {
        int width = modules.getWidth() * scale;
        int height = modules.getHeight() * scale;
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[height * (1 + rowBytes)];
        for (int y = 0; y < height; y++) {
            int row = y * (1 + rowBytes);
            raw[row] = 0; // filter: none
            for (int x = 0; x < width; x++) {
                // grayscale 1 bit: 1 = white
                if (!modules.get(x / scale, y / scale)) {
                    raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1)   // bit depth
                .put((byte) 0)   // colour type: grayscale
                .put((byte) 0)   // compression: deflate
                .put((byte) 0)   // filter method
                .put((byte) 0)   // no interlace
                .array());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
