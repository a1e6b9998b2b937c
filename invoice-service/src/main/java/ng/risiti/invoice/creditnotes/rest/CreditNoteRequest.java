package ng.risiti.invoice.creditnotes.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.creditnotes.service.CreditRequest;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.error.ApiException;

/**
 * {@code POST /api/v1/invoices/{id}/credit-note}: a reason, and either an amount in naira (number or decimal string,
 * VAT included) or the lines to credit with their quantities; neither credits whatever is still creditable.
 */
public record CreditNoteRequest(
        @NotBlank @Size(max = 500) String reason,
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
        @Size(min = 1, max = 100, message = "must have between 1 and 100 items") List<@Valid @NotNull CreditedLine> lineItems) {

    /** One line of the invoice ({@code line_id} from its {@code line_items}) and how much of its quantity to credit. */
    public record CreditedLine(
            @NotNull UUID lineId,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @DecimalMax(value = "1000000", message = "must be at most 1,000,000")
            @Digits(integer = 7, fraction = 4, message = "must have at most 4 decimal places") BigDecimal quantity) {
    }

    public CreditRequest toCredit() {
        if (amount != null && lineItems != null) {
            throw ApiException.validation("amount", "give either amount or line_items, not both");
        }
        return new CreditRequest(reason.trim(), amount == null ? null : Kobo.fromNaira(amount),
                lineItems == null ? null : lineItems.stream().map(line -> new CreditRequest.Line(line.lineId(), line.quantity())).toList());
    }
}
