package ng.risiti.auth.settings.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A tenant's profile beyond its name and TIN (those stay on {@code tenants}), and its invoice defaults. Only the
 * non-secret NRS identifiers live here; NRS credentials belong to nrs-gateway-service.
 */
@Entity
@Table(name = "tenant_settings")
public class TenantSettings {

    public static final String DEFAULT_NUMBER_PREFIX = "INV";
    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String address;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "logo_url")
    public String logoUrl;
    @Column(name = "nrs_service_id")
    public String nrsServiceId;
    @Column(name = "nrs_business_id")
    public UUID nrsBusinessId;
    @Column(name = "invoice_number_prefix", nullable = false)
    public String invoiceNumberPrefix;
    @Column(name = "payment_terms_days", nullable = false)
    public int paymentTermsDays;
    @Column(name = "invoice_footer")
    public String invoiceFooter;
    @Column(name = "invoice_logo_url")
    public String invoiceLogoUrl;
    /** The HS code and product category NRS gets for a line that names none. */
    @Column(name = "default_hsn_code")
    public String defaultHsnCode;
    @Column(name = "default_product_category")
    public String defaultProductCategory;
    /** Null on unsaved defaults ({@link #defaults}). */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** What a tenant that never changed its settings has; not persisted until the first change. */
    public static TenantSettings defaults(UUID tenantId) {
        TenantSettings settings = new TenantSettings();
        settings.tenantId = tenantId;
        settings.invoiceNumberPrefix = DEFAULT_NUMBER_PREFIX;
        settings.paymentTermsDays = DEFAULT_PAYMENT_TERMS_DAYS;
        return settings;
    }
}
