package ng.risiti.invoice.documents.domain;

import java.time.OffsetDateTime;
import java.util.List;
import ng.risiti.invoice.invoices.domain.Kobo;

/** A one-page statement of labelled amounts (a tax report): its title, the business it is for, and its rows. */
public record StatementDocument(String title, String subtitle, String supplierName, String supplierTin, String currency, List<Row> rows,
        OffsetDateTime issuedAt) {

    /** A labelled amount; a {@code total} row is printed bold on a band. */
    public record Row(String label, Kobo amount, boolean total) {
    }
}
