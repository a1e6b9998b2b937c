package ng.risiti.invoice.taxes.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.invoice.taxes.service.TaxRateChanges;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.rest.Change;

/**
 * {@code PATCH /api/v1/tax-rates/{id}}: the fields of {@link TaxRateRequest}, each optional; {@code vat_category} null
 * clears it (a WHT rate has none). Every bad field is named in one 400.
 */
final class TaxRatePatch {

    static final String KIND_REGEX = "(?i)\\s*(vat|wht)\\s*";
    static final String CATEGORY_REGEX = "(?i)\\s*[SZE]\\s*";

    private TaxRatePatch() {
    }

    static TaxRateChanges read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        Change<String> name = null;
        if (body.has("name")) {
            JsonNode node = body.get("name");
            String value = node.isTextual() ? node.asText().trim() : "";
            if (value.isEmpty() || value.length() > 100) {
                errors.add(new FieldError("name", "name must be a string of 1 to 100 characters"));
            } else {
                name = new Change<>(value);
            }
        }
        Change<BigDecimal> rate = null;
        if (body.has("rate")) {
            BigDecimal value = decimal(body.get("rate"));
            if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError("rate", "rate must be a number between 0 and 100"));
            } else if (value.stripTrailingZeros().scale() > 4) {
                errors.add(new FieldError("rate", "rate must have at most 4 decimal places"));
            } else {
                rate = new Change<>(value);
            }
        }
        Change<TaxRate.Kind> kind = null;
        if (body.has("kind")) {
            JsonNode node = body.get("kind");
            TaxRate.Kind value = node.isTextual() ? TaxRate.Kind.parse(node.asText()).orElse(null) : null;
            if (value == null) {
                errors.add(new FieldError("kind", "kind must be vat or wht"));
            } else {
                kind = new Change<>(value);
            }
        }
        Change<String> category = null;
        if (body.has("vat_category")) {
            JsonNode node = body.get("vat_category");
            if (node.isNull()) {
                category = new Change<>(null);
            } else if (node.isTextual() && node.asText().matches(CATEGORY_REGEX)) {
                category = new Change<>(node.asText().trim().toUpperCase(Locale.ROOT));
            } else {
                errors.add(new FieldError("vat_category", "vat_category must be S, Z, E or null"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new TaxRateChanges(name, rate, kind, category);
    }

    /** A JSON number or a decimal string; null for anything else. */
    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
