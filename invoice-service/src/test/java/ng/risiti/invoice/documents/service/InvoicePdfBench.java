package ng.risiti.invoice.documents.service;

import java.io.IOException;
import java.util.Arrays;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * How long one invoice PDF takes to render, in process (no stack): the named sample (3 lines, NRS-sized QR payload) and
 * a 40-line invoice, each rendered {@code warm-up} times for the JIT, then timed {@code iterations} times one after
 * another on one thread. Prints p50/p90/p99/max/mean and PDFs per second. A test-scope main because it renders the
 * test samples and the bench module cannot depend on invoice-service without installing it; see bench/README.md.
 * Usage: java -cp ... ng.risiti.invoice.documents.service.InvoicePdfBench [iterations] [warm-up]
 */
public final class InvoicePdfBench {

    private InvoicePdfBench() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        measure("named sample (3 lines)", PdfTestDocuments.namedWithQr(), iterations, warmUp);
        measure("40-line invoice", PdfTestDocuments.withQrPayload(PdfTestDocuments.fortyLines(40), PdfTestDocuments.rsaCiphertextLikePayload()),
                iterations, warmUp);
    }

    private static void measure(String name, InvoiceDocument document, int iterations, int warmUp) throws IOException {
        int bytes = 0;
        for (int i = 0; i < warmUp; i++) {
            bytes += InvoicePdf.of(document).length;
        }
        long[] nanos = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            bytes += InvoicePdf.of(document).length;
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        byte[] pdf = InvoicePdf.of(document);
        int pages;
        try (PDDocument opened = Loader.loadPDF(pdf)) {
            pages = opened.getNumberOfPages();
        }
        System.out.printf("%s: %d pages, %,d bytes; %d renders after %d warm-up: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms,"
                + " mean %.3f ms, %.0f PDFs/s (checksum %d)%n", name, pages, pdf.length, iterations, warmUp, pct(nanos, 50), pct(nanos, 90),
                pct(nanos, 99), nanos[nanos.length - 1] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6, iterations / seconds, bytes);
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
