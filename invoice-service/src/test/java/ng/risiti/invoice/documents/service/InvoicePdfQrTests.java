package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import ng.risiti.invoice.documents.SampleDocuments;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The NRS QR code on the PDF scans back to its payload once the page is rendered, as a phone camera would see it. */
class InvoicePdfQrTests {

    @ParameterizedTest(name = "{0} dpi")
    @ValueSource(ints = {200, 300})
    void theQrCodeOnARenderedPageScansToTheNrsPayload(int dpi) {
        InvoiceDocument invoice = PdfTestDocuments.namedWithQr();
        assertThat(invoice.qrPayload()).hasSize(344);

        BufferedImage page = PdfReading.render(InvoicePdf.of(invoice), 0, dpi);

        assertThat(PdfReading.scanQr(page)).isEqualTo(invoice.qrPayload());
    }

    @Test
    void withoutAPayloadTheQrCodeCarriesTheIrn() {
        InvoiceDocument invoice = SampleDocuments.named();
        assertThat(invoice.qrPayload()).isNull();

        BufferedImage page = PdfReading.render(InvoicePdf.of(invoice), 0, 200);

        assertThat(PdfReading.scanQr(page)).isEqualTo("INV2026042-94ND90NR-20261120");
    }

    @Test
    void theQrCodeAfterFortyLinesIsOnTheLastPageAndScans() {
        InvoiceDocument invoice = PdfTestDocuments.withQrPayload(PdfTestDocuments.fortyLines(40), PdfTestDocuments.rsaCiphertextLikePayload());
        byte[] pdf = InvoicePdf.of(invoice);
        int last = PdfReading.pages(pdf).size() - 1;

        assertThat(PdfReading.scanQr(PdfReading.render(pdf, last, 200))).isEqualTo(invoice.qrPayload());
        assertThat(PdfReading.scanQr(PdfReading.render(pdf, 0, 200))).isNull();
    }

    @Test
    void aPayloadTooLongForAnyQrCodeStillGivesAPdfThatSaysSo() {
        InvoiceDocument invoice = PdfTestDocuments.withQrPayload(SampleDocuments.named(), "A".repeat(5000));

        String text = PdfReading.text(InvoicePdf.of(invoice));

        assertThat(text).contains("QR code unavailable", "INV2026042-94ND90NR-20261120", "INV-2026-042");
    }
}
