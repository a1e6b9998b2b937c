package ng.risiti.invoice.invoices.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import ng.risiti.invoice.invoices.domain.InvoiceListFilter;
import ng.risiti.invoice.invoices.domain.InvoiceStatus;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.pagination.DayRange;

/**
 * Reads the list's query parameters into an {@link InvoiceListFilter}. A value the list cannot filter by is a 400
 * naming its parameter, never a filter silently ignored: every bad parameter is named in one answer.
 */
final class InvoiceListParameters {

    static final String OVERDUE = "overdue";
    static final int MAX_TEXT = 100;
    private static final String STATUSES = Arrays.stream(InvoiceStatus.values()).map(InvoiceStatus::wireName)
            .collect(Collectors.joining(", ")) + " or " + OVERDUE;

    private InvoiceListParameters() {
    }

    static InvoiceListFilter parse(String status, String customerId, String from, String to, String q, String type) {
        List<FieldError> errors = new ArrayList<>();
        InvoiceStatus onlyStatus = null;
        boolean overdue = false;
        if (present(status)) {
            String value = status.trim().toLowerCase(Locale.ROOT);
            if (OVERDUE.equals(value)) {
                overdue = true;
            } else {
                onlyStatus = Arrays.stream(InvoiceStatus.values()).filter(s -> s.wireName().equals(value)).findFirst().orElse(null);
                if (onlyStatus == null) {
                    errors.add(new FieldError("status", "status must be one of " + STATUSES));
                }
            }
        }
        UUID customer = null;
        if (present(customerId)) {
            try {
                String value = customerId.trim();
                customer = value.length() == 36 ? UUID.fromString(value) : null;
            } catch (IllegalArgumentException e) {
                customer = null;
            }
            if (customer == null) {
                errors.add(new FieldError("customer_id", "customer_id must be a UUID"));
            }
        }
        DayRange issued = DayRange.parse(from, to, errors);
        String text = null;
        if (present(q)) {
            text = q.trim();
            if (text.length() > MAX_TEXT) {
                errors.add(new FieldError("q", "q must be at most " + MAX_TEXT + " characters"));
            }
        }
        InvoiceType onlyType = null;
        if (present(type)) {
            String value = type.trim().toLowerCase(Locale.ROOT);
            onlyType = Arrays.stream(InvoiceType.values()).filter(t -> t.wireName().equals(value)).findFirst().orElse(null);
            if (onlyType == null) {
                errors.add(new FieldError("type", "type must be invoice or credit_note"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new InvoiceListFilter(onlyStatus, overdue, customer, issued.from(), issued.to(), text, onlyType);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
