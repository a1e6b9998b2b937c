package ng.risiti.platform.events;

/**
 * An event that needs something this service learns from another event still on its way (a tenant's plan, say): it
 * will pass once that arrives. {@link Consumers} retries it like any transient failure but quietly, since topics are
 * not ordered against each other and this is expected; only if it lasts past {@code risiti.consumers.stuck-after} is
 * it reported, as any stuck event is.
 */
public class EventTooEarly extends RuntimeException {

    public EventTooEarly(String message) {
        super(message);
    }
}
