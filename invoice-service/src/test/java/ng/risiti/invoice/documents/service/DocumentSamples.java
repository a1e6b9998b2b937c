package ng.risiti.invoice.documents.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the committed samples in docs/samples/ (see its README): the named sample's PDF and, when poppler's pdftoppm
 * is installed, its first page as a 100 dpi PNG. Argument: the output folder (default docs/samples).
 */
public final class DocumentSamples {

    private DocumentSamples() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = Path.of(args.length > 0 ? args[0] : "docs/samples");
        Files.createDirectories(folder);
        Path pdf = folder.resolve("invoice.pdf");
        Files.write(pdf, InvoicePdf.of(PdfTestDocuments.namedWithQr()));
        System.out.println("wrote " + pdf + " (" + Files.size(pdf) + " bytes)");

        Path png = folder.resolve("invoice-page1.png");
        // pdftoppm appends ".png" to the root name it is given.
        String root = folder.resolve("invoice-page1").toString();
        try {
            Process pdftoppm = new ProcessBuilder(List.of("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                    pdf.toString(), root)).inheritIO().start();
            if (!pdftoppm.waitFor(60, TimeUnit.SECONDS) || pdftoppm.exitValue() != 0) {
                throw new IOException("pdftoppm failed");
            }
            System.out.println("wrote " + png + " (" + Files.size(png) + " bytes)");
        } catch (IOException notInstalled) {
            System.out.println("skipped " + png + ": pdftoppm (poppler-utils) is not installed or failed: " + notInstalled.getMessage());
        }
    }
}
