package ng.risiti.billing.paystack.service;

import io.smallrye.mutiny.Uni;
import ng.risiti.billing.paystack.domain.Checkout;

/** Announces a paid pay-page checkout for invoice-service, which owns invoices and records the payment. */
public interface PaidInvoices {

    Uni<Void> captured(Checkout checkout, PaidCheckouts.Charge charge, String channel);
}
