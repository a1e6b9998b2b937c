package ng.risiti.invoice.invoices.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.service.DraftChanges;
import ng.risiti.platform.rest.Change;

/**
 * Body of the dialect's {@code PUT /v1/invoices/{id}} (seed 001): only {@code customerId}, {@code dueDate},
 * {@code notes} and {@code lineItems} change, each only when given; new lines are priced at the invoice's VAT rate.
 */
public record FinoraInvoiceUpdate(
        String businessId,
        UUID customerId,
        LocalDate dueDate,
        @Size(max = 2000) String notes,
        @Size(min = 1, max = 100, message = "must have between 1 and 100 items") List<@Valid @NotNull LineItemRequest> lineItems) {

    DraftChanges toChanges(UUID taxRate) {
        return new DraftChanges(customerId == null ? null : new Change<>(customerId), null, dueDate == null ? null : new Change<>(dueDate),
                lineItems == null ? null : new Change<>(FinoraInvoiceRequest.lines(lineItems, taxRate)),
                notes == null ? null : new Change<>(notes), null);
    }

    boolean none() {
        return customerId == null && dueDate == null && notes == null && lineItems == null;
    }
}
