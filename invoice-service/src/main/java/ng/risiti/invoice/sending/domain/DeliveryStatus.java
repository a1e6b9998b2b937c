package ng.risiti.invoice.sending.domain;

import java.util.Locale;

/** A delivery waits (pending) until the provider accepts it (sent) or it is given up (failed, with its error kept). */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
