package ng.risiti.platform.error;

/** One bad field of a request: {@code field} uses the API reference's path form, e.g. {@code line_items.0.unit_price}. */
public record FieldError(String field, String message) {
}
