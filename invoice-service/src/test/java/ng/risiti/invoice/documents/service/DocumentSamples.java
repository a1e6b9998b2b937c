package ng.risiti.invoice.documents.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the committed samples in docs/samples/ (see its README): the named sample's PDF and, when poppler's pdftoppm
 * is installed, its first page as a 100 dpi PNG; its UBL XML and NRS payload, and a credit note's UBL XML. Argument: the output folder (default docs/samples).
 */
public final class DocumentSamples {

    /** The NRS business id the sample's payload names (a tenant's comes from its NRS settings). */
    static final UUID SAMPLE_BUSINESS_ID = UUID.fromString("0190f000-0000-7000-8000-0000000000b1");

    private DocumentSamples() {
    }

    /** The text samples by file name: the named invoice's UBL and NRS payload, and a credit note's UBL. */
    static Map<String, byte[]> texts() {
        InvoiceDocument invoice = PdfTestDocuments.namedWithQr();
        Map<String, byte[]> texts = new LinkedHashMap<>();
        texts.put("invoice.xml", indented(UblXml.of(invoice)));
        texts.put("credit-note.xml", indented(UblXml.of(PdfTestDocuments.creditNote())));
        texts.put("invoice.nrs.json", NrsInvoicePayload.of(invoice, SAMPLE_BUSINESS_ID,
                new NrsInvoicePayload.LineDefaults("9999.00", "General goods and services")).toPrettyString().getBytes(StandardCharsets.UTF_8));
        return texts;
    }

    /** The API serves compact XML; the samples are for reading, so they are indented (same content). */
    private static byte[] indented(byte[] xml) {
        try {
            javax.xml.transform.Transformer transformer = javax.xml.transform.TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            transformer.transform(new javax.xml.transform.dom.DOMSource(En16931Validator.parse(xml)),
                    new javax.xml.transform.stream.StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = Path.of(args.length > 0 ? args[0] : "docs/samples");
        Files.createDirectories(folder);
        Path pdf = folder.resolve("invoice.pdf");
        Files.write(pdf, InvoicePdf.of(PdfTestDocuments.namedWithQr()));
        System.out.println("wrote " + pdf + " (" + Files.size(pdf) + " bytes)");
        for (Map.Entry<String, byte[]> text : texts().entrySet()) {
            Path file = folder.resolve(text.getKey());
            Files.write(file, text.getValue());
            System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
        }

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
