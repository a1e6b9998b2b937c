package ng.risiti.platform.events;

/**
 * An event that can never be applied, however often it is retried: it cannot be parsed, its type or version is
 * unknown here, or a rule it breaks will never pass. {@link Consumers} sends it to the consumer group's dead-letter
 * topic and moves on. Anything else a consumer throws is taken as transient and retried until it succeeds.
 */
public class PermanentEventFailure extends RuntimeException {

    public PermanentEventFailure(String message) {
        super(message);
    }

    public PermanentEventFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
