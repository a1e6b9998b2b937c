package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/samples/invoice.pdf stays what the renderer draws today. With {@code -Dsamples.write=true} it (and the PNG of
 * its first page) is written first; see docs/samples/README.md. Text is compared rather than bytes, because the
 * compressed streams depend on the JDK's zlib.
 */
class InvoicePdfSamplesTests {

    /** Surefire runs tests in the module's folder. */
    private static final Path SAMPLES = Path.of("..", "docs", "samples");

    @Test
    void theCommittedSampleIsTheCurrentRendering() throws Exception {
        if (Boolean.getBoolean("samples.write")) {
            DocumentSamples.main(new String[] {SAMPLES.toString()});
        }
        Path committed = SAMPLES.resolve("invoice.pdf");
        assertThat(committed).as("run with -Dsamples.write=true to write it").exists();

        byte[] sample = Files.readAllBytes(committed);

        assertThat(PdfReading.pages(sample)).isEqualTo(PdfReading.pages(InvoicePdf.of(PdfTestDocuments.namedWithQr())));
        assertThat(PdfReading.scanQr(PdfReading.render(sample, 0, 200))).isEqualTo(PdfTestDocuments.rsaCiphertextLikePayload());
    }

    @Test
    void theCommittedXmlAndNrsPayloadAreWhatTheRenderersMakeToday() throws Exception {
        for (java.util.Map.Entry<String, byte[]> text : DocumentSamples.texts().entrySet()) {
            assertThat(SAMPLES.resolve(text.getKey())).as("run with -Dsamples.write=true to write it").exists();
            assertThat(Files.readString(SAMPLES.resolve(text.getKey()))).as(text.getKey())
                    .isEqualTo(new String(text.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
