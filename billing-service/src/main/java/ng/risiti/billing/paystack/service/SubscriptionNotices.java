package ng.risiti.billing.paystack.service;

import io.smallrye.mutiny.Uni;

/**
 * Paystack's events about a subscription rather than a checkout ({@code invoice.payment_failed},
 * {@code subscription.create}); the subscriptions context implements them.
 */
public interface SubscriptionNotices {

    /** The card, customer and Paystack subscription an event names; any may be null. */
    record Renewal(String subscriptionCode, String authorizationCode, String customerCode, long amountKobo) {
    }

    /** A renewal charge was declined. Returns the outcome recorded for the event. */
    Uni<String> paymentFailed(Renewal renewal);

    /** Paystack created a subscription for a card we know. Returns the outcome recorded for the event. */
    Uni<String> created(Renewal renewal);
}
