package ng.risiti.platform.rest;

/**
 * A field a PATCH sent ({@link PatchBody}): {@code value} is null when it asked to clear the field; an absent field is
 * no Change (null), so a service can tell "leave it" from "clear it".
 */
public record Change<T>(T value) {
}
