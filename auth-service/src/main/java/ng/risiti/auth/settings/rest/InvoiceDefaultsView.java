package ng.risiti.auth.settings.rest;

import java.time.OffsetDateTime;

/** GET/PATCH /settings/invoice-defaults. {@code updated_at} is null while the tenant has the defaults. */
public record InvoiceDefaultsView(String numberPrefix, int paymentTermsDays, String footer, String logoUrl, OffsetDateTime updatedAt) {
}
