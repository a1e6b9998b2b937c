package ng.risiti.invoice.tenants.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.tenants.domain.KnownTenant;
import ng.risiti.platform.events.contract.TenantState;
import ng.risiti.platform.persistence.ReplicaTable;

/** This service's replica of tenants' invoicing settings (see TenantStateConsumer). */
@ApplicationScoped
public class KnownTenantRepository implements PanacheRepositoryBase<KnownTenant, UUID> {

    private static final ReplicaTable REPLICA = ReplicaTable.of("known_tenants", "id", "name", "tin", "nrs_service_id",
            "address", "contact_email", "logo_url", "invoice_footer", "plan_slug", "default_hsn_code", "default_product_category",
            "updated_at", "number_prefix", "payment_terms_days");

    /** Upserts the tenant unless the replica already reflects a newer event of it. */
    public Uni<Void> apply(TenantState state, long version) {
        TenantState.InvoiceDefaults defaults = state.invoiceDefaults();
        return REPLICA.apply(version, state.tenantId(), state.name(), state.tin(), state.nrsServiceId(), state.address(), state.contactEmail(),
                state.logoUrl(), defaults == null ? null : defaults.footer(), state.planSlug(), defaults == null ? null : defaults.hsnCode(),
                defaults == null ? null : defaults.productCategory(), state.updatedAt(), defaults == null ? null : defaults.numberPrefix(),
                defaults == null ? null : defaults.paymentTermsDays());
    }
}
