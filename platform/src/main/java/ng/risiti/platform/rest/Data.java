package ng.risiti.platform.rest;

/** The API reference's single-resource shape (docs/specification.md), used for every single-object response: {@code {"data": {...}}}. */
public record Data<T>(T data) {

    public static <T> Data<T> of(T data) {
        return new Data<>(data);
    }
}
