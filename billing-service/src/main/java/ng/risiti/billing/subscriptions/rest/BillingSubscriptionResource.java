package ng.risiti.billing.subscriptions.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.billing.paystack.service.Checkouts;
import ng.risiti.billing.paystack.rest.CheckoutResponse;
import ng.risiti.billing.subscriptions.service.SubscriptionService;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;

/** {@code /api/v1/billing/subscription}: docs/specification.md, Billing. Owner or admin (the {@code admin} scope). */
@Path("/api/v1/billing/subscription")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingSubscriptionResource {

    private final SubscriptionService subscriptions;
    private final SecurityIdentity identity;

    public BillingSubscriptionResource(SubscriptionService subscriptions, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.ADMIN)
    public Uni<Data<SubscriptionResponse>> current() {
        return subscriptions.current(Caller.of(identity)).map(current -> Data.of(SubscriptionResponse.of(current)));
    }

    /** Starts the Paystack checkout for a plan; the plan changes when Paystack confirms the payment. */
    @POST
    @RolesAllowed(Scope.ADMIN)
    public Uni<Data<CheckoutResponse>> subscribe(@Valid @NotNull SubscriptionRequest request) {
        Caller caller = Caller.of(identity);
        return subscriptions.subscribe(caller, request.toUpgrade(Checkouts.payerEmail(request.email(), caller.tenancy())))
                .map(checkout -> Data.of(CheckoutResponse.of(checkout)));
    }
}
