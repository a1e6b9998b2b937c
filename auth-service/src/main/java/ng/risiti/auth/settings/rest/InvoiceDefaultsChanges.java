package ng.risiti.auth.settings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import ng.risiti.auth.settings.rest.PatchBody.Change;

/** PATCH /settings/invoice-defaults: absent fields stay; {@code footer} and {@code logo_url} can be cleared with null. */
public record InvoiceDefaultsChanges(Change<String> numberPrefix, Change<Integer> paymentTermsDays, Change<String> footer,
        Change<String> logoUrl) {

    public static InvoiceDefaultsChanges read(JsonNode json) {
        PatchBody body = PatchBody.of(json);
        InvoiceDefaultsChanges changes = new InvoiceDefaultsChanges(
                body.matching("number_prefix", PatchBody.NUMBER_PREFIX, "must be 1 to 10 letters, digits or hyphens", false),
                body.integer("payment_terms_days", 0, 365),
                body.text("footer", 1000, true),
                body.httpsUrl("logo_url"));
        body.validate();
        return changes;
    }
}
