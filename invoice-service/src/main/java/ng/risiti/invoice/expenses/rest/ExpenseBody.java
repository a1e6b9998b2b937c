package ng.risiti.invoice.expenses.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.invoice.expenses.domain.ExpenseCategory;
import ng.risiti.invoice.expenses.service.ExpenseFields;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.rest.Change;

/**
 * The body of {@code POST /api/v1/expenses} and {@code PATCH /api/v1/expenses/{id}}, read by hand so every bad field is
 * named in one 400: {@code date}, {@code supplier}, {@code category}, {@code amount} and {@code vat_amount} (naira,
 * number or decimal string), {@code payment_method} (code or word), {@code reference}, {@code notes}.
 */
final class ExpenseBody {

    /** The largest amount taken: ten billion naira, far above any expense and far below overflow. */
    private static final BigDecimal MAX_NAIRA = new BigDecimal("10000000000");

    private ExpenseBody() {
    }

    /** A new expense: supplier, category and amount required; date today, VAT 0, bank transfer when left out. */
    static ExpenseFields create(JsonNode body, LocalDate today) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        for (String required : List.of("supplier", "category", "amount")) {
            if (!body.hasNonNull(required)) {
                errors.add(new FieldError(required, required + " is required"));
            }
        }
        ExpenseFields fields = read(body, today, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new ExpenseFields(fields.date() != null ? fields.date() : today, fields.supplier(), fields.category(), fields.amount(),
                fields.vat() != null ? fields.vat() : Kobo.ZERO, fields.method() != null ? fields.method() : PaymentMethod.BANK_TRANSFER,
                fields.reference(), fields.notes());
    }

    /** A change: only the fields sent; reference and notes may be null (cleared), the others may not. */
    static ExpenseFields patch(JsonNode body, LocalDate today) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        for (String field : List.of("date", "supplier", "category", "amount", "vat_amount", "payment_method")) {
            if (body.has(field) && body.get(field).isNull()) {
                errors.add(new FieldError(field, field + " cannot be null"));
            }
        }
        ExpenseFields fields = read(body, today, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return fields;
    }

    private static ExpenseFields read(JsonNode body, LocalDate today, List<FieldError> errors) {
        LocalDate date = null;
        if (body.hasNonNull("date")) {
            try {
                date = LocalDate.parse(body.get("date").asText().trim());
                if (date.isAfter(today)) {
                    errors.add(new FieldError("date", "date must not be after today (" + today + ", Africa/Lagos)"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("date", "date must be a date (2026-04-01)"));
            }
        }
        String supplier = null;
        if (body.hasNonNull("supplier")) {
            JsonNode node = body.get("supplier");
            supplier = node.isTextual() ? node.asText().trim() : "";
            if (supplier.isEmpty() || supplier.length() > 200) {
                errors.add(new FieldError("supplier", "supplier must be a string of 1 to 200 characters"));
            }
        }
        ExpenseCategory category = null;
        if (body.hasNonNull("category")) {
            JsonNode node = body.get("category");
            category = node.isTextual() ? ExpenseCategory.parse(node.asText()).orElse(null) : null;
            if (category == null) {
                errors.add(new FieldError("category", "category must be one of " + ExpenseCategory.choices()));
            }
        }
        Kobo amount = body.hasNonNull("amount") ? naira(body.get("amount"), "amount", false, errors) : null;
        Kobo vat = body.hasNonNull("vat_amount") ? naira(body.get("vat_amount"), "vat_amount", true, errors) : null;
        PaymentMethod method = null;
        if (body.hasNonNull("payment_method")) {
            JsonNode node = body.get("payment_method");
            method = node.isValueNode() ? PaymentMethod.parse(node.asText()) : null;
            if (method == null) {
                errors.add(new FieldError("payment_method", "payment_method must be one of " + PaymentMethod.choices()));
            }
        }
        Change<String> reference = text(body, "reference", 100, errors);
        Change<String> notes = text(body, "notes", 1000, errors);
        return new ExpenseFields(date, supplier, category, amount, vat, method, reference, notes);
    }

    /** Naira as a number or decimal string, at most two decimals; more than 0 (or at least 0 where zero is allowed). */
    private static Kobo naira(JsonNode node, String field, boolean zeroAllowed, List<FieldError> errors) {
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        String bound = zeroAllowed ? "0 or more" : "more than 0";
        if (value == null || (zeroAllowed ? value.signum() < 0 : value.signum() <= 0) || value.compareTo(MAX_NAIRA) > 0) {
            errors.add(new FieldError(field, field + " must be an amount in naira, " + bound + " and at most 10000000000.00"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, field + " must have at most 2 decimal places"));
            return null;
        }
        return Kobo.fromNaira(value.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    private static Change<String> text(JsonNode body, String field, int max, List<FieldError> errors) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return new Change<>(null);
        }
        if (!node.isTextual() || node.asText().length() > max) {
            errors.add(new FieldError(field, field + " must be a string of at most " + max + " characters"));
            return null;
        }
        String value = node.asText().trim();
        return new Change<>(value.isEmpty() ? null : value);
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "body must be a JSON object");
        }
    }
}
