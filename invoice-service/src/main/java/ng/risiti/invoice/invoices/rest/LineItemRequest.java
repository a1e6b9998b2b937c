package ng.risiti.invoice.invoices.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.invoices.service.NewInvoice;

/** One line of an invoice request; amounts in naira (number or decimal string), limits from docs/api-rules.md, Limits. */
public record LineItemRequest(
        @NotBlank @Size(max = 500) String description,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "1000000", message = "must be at most 1,000,000")
        @Digits(integer = 7, fraction = 4, message = "must have at most 4 decimal places") BigDecimal quantity,
        @NotNull @DecimalMin(value = "0", message = "must be between 0 and 100,000,000")
        @DecimalMax(value = "100000000", message = "must be between 0 and 100,000,000")
        @Digits(integer = 9, fraction = 2, message = "must have at most 2 decimal places") BigDecimal unitPrice,
        @DecimalMin(value = "0", message = "must be between 0 and 100")
        @DecimalMax(value = "100", message = "must be between 0 and 100") BigDecimal discountPercent,
        UUID taxRateId,
        @Size(max = 20) @Pattern(regexp = "[0-9]{4}(\\.[0-9]{2}){0,3}", message = "must be an HS code such as 8471.30 or 8471.30.00") String hsnCode,
        @Size(max = 100) String productCategory) {

    /** The line in kobo; validation has already refused more than two decimals of naira. */
    NewInvoice.Line toLine() {
        return new NewInvoice.Line(description, quantity, Kobo.fromNaira(unitPrice), discountPercent, taxRateId,
                hsnCode, productCategory == null ? null : productCategory.trim());
    }
}
