package ng.risiti.invoice.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import ng.risiti.invoice.documents.SampleDocuments;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.domain.InvoiceDocument.Line;
import org.junit.jupiter.api.Test;

/** Every shape SampleDocuments can generate renders to a PDF PDFBox opens, numbered and totalled as the document says. */
class InvoicePdfRandomDocumentsTests {

    private static final int DOCUMENTS = 200;

    @Test
    void twoHundredRandomDocumentsOpenWithTheirPagesNumbersAndTotals() {
        Random random = new Random(20261120);
        int creditNotes = 0;
        int multiPage = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            InvoiceDocument document = SampleDocuments.random(random);
            String what = "document " + i + " " + document.number();

            List<String> pages = PdfReading.pages(InvoicePdf.of(document));

            String text = String.join(" ", pages);
            assertThat(text).as(what).contains(document.number(), document.irn(), InvoicePdfTests.money(document.total()),
                    document.customer().name());
            for (int page = 1; page <= pages.size(); page++) {
                assertThat(pages.get(page - 1)).as(what).endsWith("Page " + page + " of " + pages.size());
            }
            for (Line line : document.lines()) {
                assertThat(text).as(what).contains(InvoicePdfTests.amount(line.net().value()));
            }
            if (document.creditNote()) {
                creditNotes++;
                assertThat(text).as(what).contains("CREDIT NOTE", "Credits invoice " + document.original().number());
            }
            multiPage += pages.size() > 1 ? 1 : 0;
        }
        // The generator's mix reached the renderer: some credit notes and some documents long enough for a second page.
        assertThat(creditNotes).isPositive();
        assertThat(multiPage).isPositive();
    }
}
