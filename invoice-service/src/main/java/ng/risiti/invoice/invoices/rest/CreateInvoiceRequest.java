package ng.risiti.invoice.invoices.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.service.NewInvoice;

/** Body of {@code POST /api/v1/invoices} (docs/specification.md, Invoices). */
public record CreateInvoiceRequest(
        @NotNull UUID customerId,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NGN") String currency,
        @NotNull @Size(min = 1, max = 100, message = "must have between 1 and 100 items") List<@Valid @NotNull LineItemRequest> lineItems,
        @Size(max = 2000) String notes,
        @Size(min = 1, max = 50) @Pattern(regexp = ".*[A-Za-z0-9].*", message = "must contain a letter or digit") String invoiceNumber,
        /** A WHT rate (system 5 % or 10 %, or the tenant's own): shown on the invoice, deducted by the payer. */
        UUID whtRateId) {

    /** The draft this body asks for; called once the body is valid. */
    public NewInvoice toNewInvoice() {
        return new NewInvoice(customerId, issueDate, dueDate, currency, lineItems.stream().map(LineItemRequest::toLine).toList(),
                notes, invoiceNumber, whtRateId);
    }
}
