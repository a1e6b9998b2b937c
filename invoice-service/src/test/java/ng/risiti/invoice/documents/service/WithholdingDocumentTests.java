package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import ng.risiti.invoice.documents.SampleDocuments;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.invoices.domain.Kobo;
import org.junit.jupiter.api.Test;

/** WHT is shown to the payer on every rendering and never folded into VAT or the total. */
class WithholdingDocumentTests {

    /** The named sample with 5% WHT on its 1,548,001.50 subtotal: 77,400.08 (half-up), leaving 1,527,638.92 of 1,605,039.00. */
    private static InvoiceDocument withWht() {
        InvoiceDocument d = PdfTestDocuments.namedWithQr();
        return new InvoiceDocument(d.type(), d.number(), d.irn(), d.issueDate(), d.dueDate(), d.finalizedAt(), d.currency(), d.supplier(),
                d.customer(), d.lines(), d.lineTotal(), d.taxTotal(), d.total(), d.notes(), d.original(), d.creditReason(), d.qrPayload(),
                d.signature(), d.footer(), d.logoUrl(), d.payUrl(), new InvoiceDocument.Withholding(new BigDecimal("5"), Kobo.of(7_740_008)));
    }

    @Test
    void theUblCarriesWithholdingAsANoteAndStillPassesEn16931WithTheSameTotals() {
        byte[] xml = UblXml.of(withWht());
        assertThat(En16931Validator.shared().validate("wht", xml, false).errors()).isEmpty();
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("Withholding tax: NGN 77400.08 (5% of the amount before VAT) is deducted by the payer")
                .contains("Net payment after withholding: NGN 1527638.92.")
                .contains("<cbc:PayableAmount currencyID=\"NGN\">1605039.00</cbc:PayableAmount>")
                .contains("<cbc:TaxAmount currencyID=\"NGN\">57037.50</cbc:TaxAmount>");
    }

    @Test
    void thePdfShowsTheWithholdingUnderTheTotalAndWhatThePayerSends() {
        String text = PdfReading.text(InvoicePdf.of(withWht()));
        assertThat(text).contains("NGN 1,605,039.00").contains("WHT 5% (payer deducts)").contains("-NGN 77,400.08")
                .contains("Net after WHT").contains("NGN 1,527,638.92");
        assertThat(PdfReading.text(InvoicePdf.of(SampleDocuments.named()))).doesNotContain("WHT");
    }
}
