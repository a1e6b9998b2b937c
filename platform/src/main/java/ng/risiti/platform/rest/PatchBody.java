package ng.risiti.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;

/**
 * Reads a PATCH body field by field, because a record cannot tell an absent field (unchanged) from an explicit
 * null (cleared). Collects every bad field so one 400 reports them all (docs/api-rules.md, Errors).
 */
public final class PatchBody {

    /** Deliberately plain: one @, no spaces, a dot in the domain; deliverability is the mail server's job. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final int URL_MAX = 2048;

    private final JsonNode body;
    private final String prefix;
    private final List<FieldError> errors;

    private PatchBody(JsonNode body, String prefix, List<FieldError> errors) {
        this.body = body;
        this.prefix = prefix;
        this.errors = errors;
    }

    public static PatchBody of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "body must be a JSON object");
        }
        return new PatchBody(body, "", new ArrayList<>());
    }

    /** Throws the collected field errors, if any. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(List.copyOf(errors));
        }
    }

    /** Trimmed text of at most {@code max} characters; blank is an error when {@code nullable} is false, else a clear. */
    public Change<String> text(String field, int max, boolean nullable) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return nullable ? new Change<>(null) : error(field, field + " must not be null");
        }
        if (!node.isTextual()) {
            return error(field, field + " must be a string");
        }
        String value = node.asText().trim();
        if (value.isEmpty()) {
            return nullable ? new Change<>(null) : error(field, field + " must not be blank");
        }
        if (value.length() > max) {
            return error(field, field + " must be at most " + max + " characters");
        }
        return new Change<>(value);
    }

    public Change<String> matching(String field, Pattern pattern, String rule, boolean nullable) {
        Change<String> change = text(field, 254, nullable);
        if (change != null && change.value() != null && !pattern.matcher(change.value()).matches()) {
            return error(field, field + " " + rule);
        }
        return change;
    }

    public Change<String> email(String field) {
        return email(field, true);
    }

    /** A valid address, lower-cased; when not {@code nullable}, null or blank is an error instead of a clear. */
    public Change<String> email(String field, boolean nullable) {
        Change<String> change = text(field, 254, nullable);
        if (change != null && change.value() != null) {
            if (!EMAIL.matcher(change.value()).matches()) {
                return error(field, field + " must be a valid email address");
            }
            return new Change<>(change.value().toLowerCase(Locale.ROOT));
        }
        return change;
    }

    /** An object of fields (an address), read with its own PatchBody whose errors are reported as {@code field.x}. */
    public Change<PatchBody> object(String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return new Change<>(null);
        }
        if (!node.isObject()) {
            return error(field, field + " must be an object");
        }
        return new Change<>(new PatchBody(node, field + ".", errors));
    }

    /** An absolute https URL with a host: logos are embedded in invoices and pages served over https. */
    public Change<String> httpsUrl(String field) {
        Change<String> change = text(field, URL_MAX, true);
        if (change != null && change.value() != null && !isHttpsUrl(change.value())) {
            return error(field, field + " must be an https URL");
        }
        return change;
    }

    public Change<UUID> uuid(String field, String rule) {
        Change<String> change = text(field, 36, true);
        if (change == null || change.value() == null) {
            return change == null ? null : new Change<>(null);
        }
        try {
            if (change.value().length() == 36) {
                return new Change<>(UUID.fromString(change.value()));
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        return error(field, field + " " + rule);
    }

    /** A whole number in [min, max]; never null. */
    public Change<Integer> integer(String field, int min, int max) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            return error(field, field + " must be a whole number between " + min + " and " + max);
        }
        return new Change<>(node.intValue());
    }

    private <T> Change<T> error(String field, String message) {
        errors.add(new FieldError(prefix + field, prefix + message));
        return null;
    }

    private static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
