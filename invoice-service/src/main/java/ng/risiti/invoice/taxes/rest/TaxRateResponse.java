package ng.risiti.invoice.taxes.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.invoice.taxes.domain.TaxRate;

/**
 * A tax rate as the API shows it: {@code rate} in percent as invoice lines print it ({@code "7.5"}), {@code kind} vat or
 * wht, {@code vat_category} S, Z or E (null for WHT), {@code system} true for the immutable system rates.
 */
public record TaxRateResponse(UUID id, String name, String rate, String kind, String vatCategory, boolean system,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static TaxRateResponse of(TaxRate rate) {
        return new TaxRateResponse(rate.id, rate.name, percent(rate.percent), rate.kind.wireName(), rate.vatCategory, rate.system(),
                rate.createdAt, rate.updatedAt);
    }

    /** At least one decimal, no trailing zeros beyond it: "7.5", "10.0", "12.3456". */
    static String percent(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1).toPlainString() : stripped.toPlainString();
    }
}
