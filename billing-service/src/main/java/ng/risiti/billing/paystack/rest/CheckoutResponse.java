package ng.risiti.billing.paystack.rest;

import java.time.OffsetDateTime;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.platform.rest.Naira;

/**
 * A started payment: send the payer to {@code authorization_url} (Paystack's checkout). Nothing changes until Paystack
 * confirms the payment; {@code reference} names it in the billing history and in Paystack's dashboard.
 */
public record CheckoutResponse(String authorizationUrl, String reference, String status, String purpose, String planSlug, String billingCycle,
        String amount, long amountKobo, String currency, OffsetDateTime createdAt) {

    public static CheckoutResponse of(Checkout checkout) {
        return new CheckoutResponse(checkout.authorizationUrl, checkout.reference, checkout.status, checkout.purpose, checkout.planSlug,
                checkout.billingCycle, Naira.fromKobo(checkout.amountKobo), checkout.amountKobo, checkout.currency, checkout.createdAt);
    }
}
