package ng.risiti.platform.finora;

/**
 * The Finora dialect (docs/specification.md, the Invoices reference): the paths under {@code /v1/}, whose bodies
 * are camelCase and wrapped in {@code {"success": ...}} envelopes, and which take an API key as a Bearer token.
 */
public final class FinoraDialect {

    public static final String PREFIX = "/v1/";

    private FinoraDialect() {
    }

    public static boolean applies(String path) {
        return path != null && path.startsWith(PREFIX);
    }

    /** A field path in the API's form ({@code line_items.0.unit_price}) in the dialect's ({@code lineItems[0].unitPrice}). */
    public static String fieldPath(String snakePath) {
        if (snakePath == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String part : snakePath.split("\\.")) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(camel(part));
        }
        return out.toString();
    }

    /** {@code unit_price} → {@code unitPrice}. */
    public static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = !out.isEmpty();
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return out.toString();
    }
}
