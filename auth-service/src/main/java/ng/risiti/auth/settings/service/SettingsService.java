package ng.risiti.auth.settings.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import ng.risiti.auth.account.domain.Tenant;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.settings.domain.TenantSettings;
import ng.risiti.auth.settings.events.TenantEvents;
import ng.risiti.auth.settings.repository.TenantRepository;
import ng.risiti.auth.settings.repository.TenantSettingsRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.contract.TenantState;
import ng.risiti.platform.rest.Change;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/** The tenant's profile and invoice defaults. A change that changes nothing writes nothing and announces nothing. */
@ApplicationScoped
public class SettingsService {

    /** The tenant and its settings as they stand (defaults if never changed). */
    public record Current(Tenant tenant, TenantSettings settings) {
    }

    private final TenantRepository tenantRows;
    private final TenantSettingsRepository settings;
    private final Tenants tenants;
    private final Clock clock;

    public SettingsService(TenantRepository tenantRows, TenantSettingsRepository settings, Tenants tenants, Clock clock) {
        this.tenantRows = tenantRows;
        this.settings = settings;
        this.tenants = tenants;
        this.clock = clock;
    }

    public Uni<Current> get(Caller caller) {
        return Panache.withSession(() -> tenantRows.findById(caller.tenantId()).flatMap(tenant -> {
            if (tenant == null) {
                return Uni.createFrom().failure(ApiException.unauthorized("The tenant of this credential no longer exists."));
            }
            return settings.findById(tenant.id)
                    .map(stored -> new Current(tenant, stored == null ? TenantSettings.defaults(tenant.id) : stored));
        }));
    }

    /**
     * The tenant's whole state as {@code risiti.tenants.v1} carries it, for a service whose replica has not received it
     * yet (moments after registration); 404 for an unknown tenant.
     */
    public Uni<TenantState> state(UUID tenantId) {
        return Panache.withSession(() -> tenantRows.findById(tenantId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Tenant", tenantId))
                .flatMap(tenant -> settings.findById(tenant.id).map(stored ->
                        TenantEvents.state(tenant, stored == null ? TenantSettings.defaults(tenant.id) : stored, null))));
    }

    public Uni<Current> update(Caller caller, SettingsChanges changes) {
        return change(caller.tenantId(), (tenant, profile) -> {
            boolean tenantChanged = apply(changes.businessName(), () -> tenant.name, value -> tenant.name = value)
                    | apply(changes.tin(), () -> tenant.tin, value -> tenant.tin = value);
            boolean settingsChanged = apply(changes.address(), () -> profile.address, value -> profile.address = value)
                    | apply(changes.contactEmail(), () -> profile.contactEmail, value -> profile.contactEmail = value)
                    | apply(changes.logoUrl(), () -> profile.logoUrl, value -> profile.logoUrl = value)
                    | apply(changes.nrsServiceId(), () -> profile.nrsServiceId, value -> profile.nrsServiceId = value)
                    | apply(changes.nrsBusinessId(), () -> profile.nrsBusinessId, value -> profile.nrsBusinessId = value);
            return new Changed(tenantChanged, settingsChanged);
        });
    }

    /**
     * An operator puts the business of the user with {@code email} on {@code plan} (Enterprise is set this way; billing
     * publishes what each plan contains). Announced like any tenant change; 404 for an unknown email.
     */
    public Uni<Current> setPlan(String email, String plan) {
        return Panache.withSession(() -> tenantRows.findByMemberEmail(User.normalizeEmail(email)))
                .onItem().ifNull().failWith(() -> ApiException.notFound("User", email))
                .flatMap(tenant -> change(tenant.id, (locked, profile) -> {
                    boolean changed = !plan.equals(locked.planSlug);
                    locked.planSlug = plan;
                    return new Changed(changed, false);
                }));
    }

    /**
     * billing-service put the tenant on {@code plan} (a Paystack payment: {@code subscription.upgraded}); announced like
     * any tenant change, so {@code risiti.tenants.v1} carries it to every service. False if the tenant does not exist
     * (nothing to apply); applying the plan it already has changes and announces nothing.
     */
    public Uni<Boolean> applyBilledPlan(UUID tenantId, String plan) {
        return tenantRows.findById(tenantId).flatMap(tenant -> tenant == null ? Uni.createFrom().item(false)
                : change(tenantId, (locked, profile) -> {
                    boolean changed = !plan.equals(locked.planSlug);
                    locked.planSlug = plan;
                    return new Changed(changed, false);
                }).replaceWith(true));
    }

    public Uni<Current> updateInvoiceDefaults(Caller caller, InvoiceDefaultsChanges changes) {
        return change(caller.tenantId(), (tenant, defaults) -> new Changed(false,
                apply(changes.numberPrefix(), () -> defaults.invoiceNumberPrefix, value -> defaults.invoiceNumberPrefix = value)
                        | apply(changes.paymentTermsDays(), () -> defaults.paymentTermsDays, value -> defaults.paymentTermsDays = value)
                        | apply(changes.footer(), () -> defaults.invoiceFooter, value -> defaults.invoiceFooter = value)
                        | apply(changes.logoUrl(), () -> defaults.invoiceLogoUrl, value -> defaults.invoiceLogoUrl = value)
                        | apply(changes.hsnCode(), () -> defaults.defaultHsnCode, value -> defaults.defaultHsnCode = value)
                        | apply(changes.productCategory(), () -> defaults.defaultProductCategory, value -> defaults.defaultProductCategory = value)));
    }

    private record Changed(boolean tenant, boolean settings) {
        boolean any() {
            return tenant || settings;
        }
    }

    private interface Edit {
        Changed apply(Tenant tenant, TenantSettings settings);
    }

    /** Locks the tenant, applies the edit, stores what changed and announces the new state in the same transaction. */
    private Uni<Current> change(UUID tenantId, Edit edit) {
        return Panache.withTransaction(() -> tenants.lock(tenantId).flatMap(locked -> {
            Changed changed = edit.apply(locked.tenant(), locked.settings());
            Current current = new Current(locked.tenant(), locked.settings());
            if (!changed.any()) {
                return Uni.createFrom().item(current);
            }
            OffsetDateTime now = Clocks.now(clock);
            if (changed.tenant()) {
                locked.tenant().updatedAt = now;
            }
            Uni<?> stored = Uni.createFrom().voidItem();
            if (changed.settings()) {
                locked.settings().updatedAt = now;
                if (!locked.settingsStored()) {
                    stored = settings.persist(locked.settings());
                }
            }
            return stored.flatMap(ignored -> tenants.announce(EventTypes.TENANT_UPDATED, locked, null))
                    .call(() -> Panache.getSession().flatMap(session -> session.flush()))
                    .replaceWith(current);
        })).onFailure(UniqueViolation::in).transform(failure -> ApiException.conflict(
                "This NRS Service ID is already used by another business; each business has its own."));
    }

    private static <T> boolean apply(Change<T> change, Supplier<T> current, Consumer<T> set) {
        if (change == null || Objects.equals(change.value(), current.get())) {
            return false;
        }
        set.accept(change.value());
        return true;
    }
}
