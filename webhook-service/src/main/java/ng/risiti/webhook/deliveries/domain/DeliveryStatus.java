package ng.risiti.webhook.deliveries.domain;

import java.util.Locale;

/**
 * A delivery is pending until an attempt gets a 2xx (succeeded) or its attempts are used up (failed); one for a
 * paused endpoint is skipped (nothing sent). A manual retry makes a finished delivery pending again for one attempt.
 */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED, SKIPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
