package ng.risiti.billing.credits.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** {@code POST /api/v1/api-credits/top-up}: naira (number or decimal string), at least NGN 1,000; optionally the receipt address. */
public record TopUpRequest(
        @NotNull @DecimalMin(value = "1000", message = "must be at least 1000.00 (NGN 1,000)")
        @DecimalMax(value = "10000000", message = "must be at most 10000000.00 per top-up")
        @Digits(integer = 8, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
        @Email @Size(max = 254) String email) {

    public long amountKobo() {
        return amount.movePointRight(2).longValueExact();
    }
}
