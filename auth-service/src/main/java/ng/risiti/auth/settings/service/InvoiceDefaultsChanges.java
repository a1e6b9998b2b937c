package ng.risiti.auth.settings.service;

import ng.risiti.platform.rest.Change;
/** PATCH /settings/invoice-defaults: absent fields stay; {@code footer} and {@code logo_url} can be cleared with null. */
public record InvoiceDefaultsChanges(Change<String> numberPrefix, Change<Integer> paymentTermsDays, Change<String> footer,
        Change<String> logoUrl) {
}
