package ng.risiti.platform.rest;

/** Seed 002's single-resource shape, used for every single-object response: {@code {"data": {...}}}. */
public record Data<T>(T data) {

    public static <T> Data<T> of(T data) {
        return new Data<>(data);
    }
}
