package ng.risiti.invoice.taxes.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A tax rate: system rates (VAT 7.5%, zero-rated, exempt, WHT 5% and 10%) have no tenant and never change;
 * tenants add their own. VAT rates price invoice lines; WHT is deducted by the payer and shown, not charged.
 */
@Entity
@Table(name = "tax_rates")
public class TaxRate extends PanacheEntityBase {

    /** The system's standard 7.5% VAT, the rate of a line that names none. */
    public static final UUID STANDARD_VAT = UUID.fromString("00000000-0000-7000-8000-000000000075");

    public enum Kind { VAT, WHT }

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public BigDecimal percent;
    @Column(name = "vat_category")
    public String vatCategory;

    public boolean system() {
        return tenantId == null;
    }
}
