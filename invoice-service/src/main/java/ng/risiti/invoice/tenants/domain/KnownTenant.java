package ng.risiti.invoice.tenants.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant as auth-service last published it: what invoicing needs of it (the supplier party of its documents, NRS Service ID, plan). */
@Entity
@Table(name = "known_tenants")
public class KnownTenant extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String tin;
    @Column(name = "nrs_service_id")
    public String nrsServiceId;
    public String address;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "logo_url")
    public String logoUrl;
    @Column(name = "invoice_footer")
    public String invoiceFooter;
    @Column(name = "plan_slug")
    public String planSlug;
    /** The tenant's invoice defaults for NRS's per-line HS code and product category. */
    @Column(name = "default_hsn_code")
    public String defaultHsnCode;
    @Column(name = "default_product_category")
    public String defaultProductCategory;
    /** The invoice number series' prefix (invoice defaults); null until known, then numbering uses INV. */
    @Column(name = "number_prefix")
    public String numberPrefix;
    /** Days from issue to due date a new invoice of the tenant starts with (invoice defaults); null until known. */
    @Column(name = "payment_terms_days")
    public Integer paymentTermsDays;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** The aggregate version of the tenant event this row reflects. */
    public long version;
}
