package ng.risiti.platform.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * An example value for a schema without one, so every request and answer in the document shows its shape filled in
 * (Swagger UI's "Try it out" starts from it). Values follow the field's name where that says what it holds (money in
 * kobo, emails, dates, ids), else its type.
 */
final class Examples {

    private static final int MAX_DEPTH = 12;

    private Examples() {
    }

    static Object of(Schema schema, Map<String, Schema> named) {
        return value(schema, "", named == null ? Map.of() : named, 0);
    }

    private static Object value(Schema schema, String field, Map<String, Schema> named, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            return value(named.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)), field, named, depth + 1);
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().getFirst();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().getFirst();
        }
        for (List<Schema> choices : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (choices != null && !choices.isEmpty()) {
                return value(choices.getFirst(), field, named, depth + 1);
            }
        }
        List<SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (schema.getProperties() != null || types.contains(SchemaType.OBJECT)) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, s) -> {
                    Object v = value(s, name, named, depth + 1);
                    if (v != null) {
                        out.put(name, v);
                    }
                });
            }
            return out;
        }
        if (types.contains(SchemaType.ARRAY)) {
            Object item = value(schema.getItems(), field, named, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if (types.contains(SchemaType.BOOLEAN)) {
            return !field.contains("replayed");
        }
        if (types.contains(SchemaType.INTEGER)) {
            return within(schema, field.endsWith("kobo") || field.endsWith("Kobo") ? 1_075_000 : 1).longValue();
        }
        if (types.contains(SchemaType.NUMBER)) {
            return within(schema, field.toLowerCase().contains("rate") || field.toLowerCase().contains("percent") ? 7.5 : 10750.00);
        }
        if (types.contains(SchemaType.STRING)) {
            String value = string(field.toLowerCase(), schema.getFormat());
            return schema.getPattern() == null ? value : matching(schema.getPattern(), value);
        }
        return null;
    }

    private static BigDecimal within(Schema schema, double wanted) {
        BigDecimal v = BigDecimal.valueOf(wanted);
        if (schema.getMaximum() != null && v.compareTo(schema.getMaximum()) > 0) v = schema.getMaximum();
        if (schema.getMinimum() != null && v.compareTo(schema.getMinimum()) < 0) v = schema.getMinimum();
        return v;
    }

    /** The value if it fits the field's pattern, else the first alternative of a {@code a|b|c} pattern or a sample that fits. */
    private static String matching(String pattern, String value) {
        Pattern p;
        try {
            p = Pattern.compile(pattern);
        } catch (RuntimeException e) {
            return value;
        }
        if (p.matcher(value).matches()) {
            return value;
        }
        if (pattern.matches("[A-Za-z0-9_.\\-]+(\\|[A-Za-z0-9_.\\-]+)+")) {
            return pattern.split("\\|")[0];
        }
        for (String sample : SAMPLES) {
            if (p.matcher(sample).matches()) {
                return sample;
            }
        }
        return value;
    }

    private static final List<String> SAMPLES = List.of("Secure123!", "NG", "NGN", "8471.30", "vat", "12345678-0001",
            "+2348012345678", "ada@example.com", "INV-2026-001", "2026-01-31");

    private static String string(String field, String format) {
        if ("uuid".equals(format) || field.equals("id") || field.endsWith("_id") || field.endsWith("id") && field.length() > 2
                && !field.endsWith("paid")) {
            return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        }
        if ("date".equals(format)) return "2026-01-31";
        if ("date-time".equals(format)) return "2026-01-31T09:30:00Z";
        if (field.contains("email")) return "ada@example.com";
        if (field.contains("phone")) return "+2348012345678";
        if (field.contains("password")) return "correct-horse-battery-staple";
        if (field.equals("currency")) return "NGN";
        if (field.equals("tin")) return "12345678-0001";
        if (field.contains("url")) return "https://example.com/webhooks/risiti";
        if (field.contains("amount") || field.contains("price") || field.contains("total") || field.contains("balance")
                || field.contains("subtotal") || field.contains("vat")) return "10750.00";
        if (field.contains("name")) return "Adebayo Stores Ltd";
        if (field.contains("status")) return "draft";
        return "string";
    }
}
