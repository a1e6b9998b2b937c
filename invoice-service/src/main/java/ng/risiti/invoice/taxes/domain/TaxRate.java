package ng.risiti.invoice.taxes.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import ng.risiti.platform.error.ApiException;

/**
 * A tax rate: system rates (VAT 7.5%, zero-rated, exempt, WHT 5% and 10%) have no tenant and never change;
 * tenants add their own, per world (live or test). VAT rates price invoice lines; WHT is deducted by the payer and
 * shown, not charged. A line copies its rate's percent and category, so editing or deleting a rate never changes an
 * invoice already written.
 */
@Entity
@Table(name = "tax_rates")
public class TaxRate extends PanacheEntityBase {

    /** The system's standard 7.5% VAT, the rate of a line that names none. */
    public static final UUID STANDARD_VAT = UUID.fromString("00000000-0000-7000-8000-000000000075");

    public enum Kind {
        VAT,
        WHT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code vat} or {@code wht}, in any case. */
        public static Optional<Kind> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(value.trim())) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

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
    @Column(name = "test_mode")
    public boolean testMode;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public boolean system() {
        return tenantId == null;
    }

    /**
     * The VAT category a rate of this kind and percent has when the request names none: standard (S) above 0 %; a 0 %
     * VAT rate must say whether it is zero-rated (Z) or exempt (E); WHT has none.
     */
    public static String defaultCategory(Kind kind, BigDecimal percent) {
        if (kind == Kind.WHT) {
            return null;
        }
        if (percent.signum() > 0) {
            return "S";
        }
        throw ApiException.validation("vat_category", "vat_category must be Z (zero-rated) or E (exempt) for a 0 % VAT rate");
    }

    /**
     * Refuses a combination UBL and NRS would refuse (EN 16931 BR-S-05, BR-Z-05, BR-E-05): standard-rated above 0 %,
     * zero-rated and exempt at exactly 0 %, no category on WHT. 400 on {@code vat_category}, saying why.
     */
    public static void requireConsistent(Kind kind, BigDecimal percent, String category) {
        if (kind == Kind.WHT) {
            if (category != null) {
                throw ApiException.validation("vat_category", "vat_category must be null for a WHT rate: WHT has no VAT category");
            }
            return;
        }
        switch (category == null ? "" : category) {
            case "S" -> {
                if (percent.signum() == 0) {
                    throw ApiException.validation("vat_category", "vat_category S (standard-rated) needs a rate above 0; a 0 % rate is Z or E");
                }
            }
            case "Z", "E" -> {
                if (percent.signum() != 0) {
                    throw ApiException.validation("vat_category", "vat_category " + category + " (" + ("Z".equals(category) ? "zero-rated" : "exempt")
                            + ") needs a rate of 0");
                }
            }
            default -> throw ApiException.validation("vat_category", "vat_category must be S, Z or E for a VAT rate");
        }
    }
}
