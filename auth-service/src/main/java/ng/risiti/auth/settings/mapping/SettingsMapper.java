package ng.risiti.auth.settings.mapping;

import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.settings.domain.TenantSettings;
import ng.risiti.auth.settings.rest.InvoiceDefaultsView;
import ng.risiti.auth.settings.rest.SettingsView;

public final class SettingsMapper {

    private SettingsMapper() {
    }

    public static SettingsView settings(Tenant tenant, TenantSettings settings) {
        return new SettingsView(tenant.id, tenant.name, tenant.tin, tenant.businessType.wireName(), tenant.planSlug, settings.address,
                settings.contactEmail, settings.logoUrl, settings.nrsServiceId, settings.nrsBusinessId,
                settings.updatedAt != null && settings.updatedAt.isAfter(tenant.updatedAt) ? settings.updatedAt : tenant.updatedAt);
    }

    public static InvoiceDefaultsView invoiceDefaults(TenantSettings settings) {
        return new InvoiceDefaultsView(settings.invoiceNumberPrefix, settings.paymentTermsDays, settings.invoiceFooter,
                settings.invoiceLogoUrl, settings.updatedAt);
    }
}
