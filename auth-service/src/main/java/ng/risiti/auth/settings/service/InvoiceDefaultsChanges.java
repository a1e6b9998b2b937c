package ng.risiti.auth.settings.service;

import ng.risiti.platform.rest.Change;
/**
 * PATCH /settings/invoice-defaults: absent fields stay; {@code footer}, {@code logo_url}, {@code hsn_code} and
 * {@code product_category} can be cleared with null.
 */
public record InvoiceDefaultsChanges(Change<String> numberPrefix, Change<Integer> paymentTermsDays, Change<String> footer,
        Change<String> logoUrl, Change<String> hsnCode, Change<String> productCategory) {
}
