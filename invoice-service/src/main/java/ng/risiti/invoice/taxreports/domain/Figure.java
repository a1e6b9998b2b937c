package ng.risiti.invoice.taxreports.domain;

import ng.risiti.invoice.invoices.domain.Kobo;

/** One named amount of a report: its key in the stored figures, the label the PDF prints, and the amount. */
public record Figure(String key, String label, Kobo amount) {
}
