package ng.risiti.invoice.documents.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** Reads the PDFs back as a viewer would (PDFBox) and scans a rendered page as a phone would (ZXing). Test code only. */
public final class PdfReading {

    private PdfReading() {
    }

    /** The text of each page, whitespace runs collapsed to one space so wrapped text reads as one line. */
    static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(normalised(stripper.getText(document)));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        return String.join(" ", pages(pdf));
    }

    static String normalised(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    public static BufferedImage render(byte[] pdf, int page, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The QR code on a page as a phone would get it: a scanner sees the code at many scales, and ZXing on one rendering
     * of a whole page misses roughly 1 code in 150 at 300 dpi (5% at 200 dpi, measured), so this looks at a few.
     */
    public static String scanQr(byte[] pdf, int page) {
        for (float dpi : new float[] {300, 150, 400, 200}) {
            String found = scanQr(render(pdf, page, dpi));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The QR code found on an image, searching the whole page (PURE_BARCODE off), or null. */
    public static String scanQr(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
