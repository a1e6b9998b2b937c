package ng.risiti.auth.settings.service;

/** A field a PATCH sent: {@code value} is null when it asked to clear the field (an absent field is no Change). */
public record Change<T>(T value) {
}
