package ng.risiti.invoice.invoices.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ng.risiti.invoice.invoices.service.DraftChanges;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.rest.Change;

/**
 * Body of {@code PATCH /api/v1/invoices/{id}} (docs/specification.md, Invoices): every field optional, each with the
 * create's rules. Absent fields stay; {@code line_items} replaces every line; {@code notes} and {@code wht_rate_id} may
 * be null (cleared, no WHT); the others may not. Other fields are ignored, as every body's unknown fields are.
 */
public record UpdateInvoiceRequest(
        UUID customerId,
        LocalDate issueDate,
        LocalDate dueDate,
        @Size(min = 1, max = 100, message = "must have between 1 and 100 items") List<@Valid @NotNull LineItemRequest> lineItems,
        @Size(max = 2000) String notes,
        UUID whtRateId) {

    /** Fields a PATCH may leave out but not clear. */
    private static final List<String> REQUIRED = List.of("customer_id", "issue_date", "due_date", "line_items");

    /**
     * Binds the body for its types (a bad one is 400 naming its field, as on create), validates it, and tells absent
     * fields from fields sent as null, which a record alone cannot.
     */
    public static DraftChanges read(JsonNode body, ObjectMapper json, Validator validator) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "body must be a JSON object");
        }
        List<FieldError> nulls = new ArrayList<>();
        for (String field : REQUIRED) {
            if (body.has(field) && body.get(field).isNull()) {
                nulls.add(new FieldError(field, field + " must not be null"));
            }
        }
        if (!nulls.isEmpty()) {
            throw ApiException.validation(nulls);
        }
        UpdateInvoiceRequest request = json.treeToValue(body, UpdateInvoiceRequest.class);
        Set<ConstraintViolation<UpdateInvoiceRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new DraftChanges(
                present(body, "customer_id", request.customerId()),
                present(body, "issue_date", request.issueDate()),
                present(body, "due_date", request.dueDate()),
                present(body, "line_items", request.lineItems() == null ? null : request.lineItems().stream().map(LineItemRequest::toLine).toList()),
                present(body, "notes", request.notes()),
                present(body, "wht_rate_id", request.whtRateId()));
    }

    private static <T> Change<T> present(JsonNode body, String field, T value) {
        return body.has(field) ? new Change<>(value) : null;
    }
}
