package ng.risiti.billing.paystack.service;

import io.smallrye.mutiny.Uni;
import ng.risiti.billing.paystack.domain.Checkout;

/**
 * What a paid checkout of one purpose does (a subscription starts, credits arrive). Implemented by the context that
 * owns the purpose, so the Paystack context knows no subscription or wallet.
 */
public interface PaidCheckouts {

    /** The checkout purpose this handles ({@link ng.risiti.billing.paystack.domain.Purpose}). */
    String purpose();

    /** Applies a checkout Paystack just charged in full, inside the webhook's transaction; called once per checkout. */
    Uni<Void> paid(Checkout checkout, Charge charge);

    /** What Paystack's {@code charge.success} says about the payment. */
    record Charge(long transactionId, String reference, long amountKobo, java.time.OffsetDateTime paidAt, String customerCode,
            String authorizationCode) {
    }
}
