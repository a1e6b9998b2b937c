package ng.risiti.invoice.taxes.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Locale;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.invoice.taxes.service.NewTaxRate;

/**
 * {@code POST /api/v1/tax-rates}: a name, a rate in percent (number or decimal string, 0 to 100, at most 4 decimals),
 * {@code kind} vat or wht, and for VAT the category (S standard, Z zero-rated, E exempt; S by default above 0 %).
 */
public record TaxRateRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @DecimalMin(value = "0", message = "must be between 0 and 100") @DecimalMax(value = "100", message = "must be between 0 and 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimal places") BigDecimal rate,
        @NotNull @Pattern(regexp = TaxRatePatch.KIND_REGEX, message = "must be vat or wht") String kind,
        @Pattern(regexp = TaxRatePatch.CATEGORY_REGEX, message = "must be S, Z or E") String vatCategory) {

    public NewTaxRate toNewTaxRate() {
        return new NewTaxRate(name.trim(), rate, TaxRate.Kind.parse(kind).orElseThrow(),
                vatCategory == null ? null : vatCategory.trim().toUpperCase(Locale.ROOT));
    }
}
