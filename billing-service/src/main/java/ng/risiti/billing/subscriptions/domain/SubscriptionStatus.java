package ng.risiti.billing.subscriptions.domain;

import java.util.Optional;

/**
 * A paid subscription's state. A payment makes it active (from any state); a declined renewal makes an active one
 * past_due; the end of a cancelled subscription (or of the renewal retries) makes it cancelled, on Free.
 */
public enum SubscriptionStatus {
    ACTIVE("active"),
    PAST_DUE("past_due"),
    CANCELLED("cancelled");

    private final String wireName;

    SubscriptionStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SubscriptionStatus of(String wireName) {
        for (SubscriptionStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown subscription status " + wireName);
    }

    /** Whether the renewal job still looks after it (charges, or ends it at the period's end). */
    public boolean running() {
        return this != CANCELLED;
    }

    /** The state after a declined renewal, or empty if a decline changes nothing (already past due, or cancelled). */
    public Optional<SubscriptionStatus> afterDeclinedRenewal() {
        return this == ACTIVE ? Optional.of(PAST_DUE) : Optional.empty();
    }
}
