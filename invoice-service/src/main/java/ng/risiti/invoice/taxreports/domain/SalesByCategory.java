package ng.risiti.invoice.taxreports.domain;

import ng.risiti.invoice.invoices.domain.Kobo;

/** Net sales of a period's invoice lines less its credit notes' lines, for the two VAT categories charged at 0 %. */
public record SalesByCategory(Kobo zeroRated, Kobo exempt) {
}
