package ng.risiti.auth.settings.rest;

import java.time.OffsetDateTime;
import ng.risiti.auth.settings.service.SettingsService;

/** GET/PATCH /settings/invoice-defaults. {@code updated_at} is null while the tenant has the defaults. */
public record InvoiceDefaultsView(String numberPrefix, int paymentTermsDays, String footer, String logoUrl, String hsnCode,
        String productCategory, OffsetDateTime updatedAt) {

    public static InvoiceDefaultsView of(SettingsService.Current current) {
        var settings = current.settings();
        return new InvoiceDefaultsView(settings.invoiceNumberPrefix, settings.paymentTermsDays, settings.invoiceFooter,
                settings.invoiceLogoUrl, settings.defaultHsnCode, settings.defaultProductCategory, settings.updatedAt);
    }
}
