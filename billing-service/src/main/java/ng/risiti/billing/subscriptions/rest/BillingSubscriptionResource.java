package ng.risiti.billing.subscriptions.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ng.risiti.billing.paystack.service.Checkouts;
import ng.risiti.billing.paystack.rest.CheckoutResponse;
import ng.risiti.billing.subscriptions.service.SubscriptionService;
import ng.risiti.billing.usage.rest.UsageResponse;
import ng.risiti.billing.usage.service.UsageReport;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/billing/subscription}: docs/specification.md, Billing. Owner or admin (the {@code admin} scope). */
@Path("/api/v1/billing/subscription")
@Tag(name = "Billing")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingSubscriptionResource {

    private final SubscriptionService subscriptions;
    private final UsageReport usage;
    private final SecurityIdentity identity;

    public BillingSubscriptionResource(SubscriptionService subscriptions, UsageReport usage, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.usage = usage;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "The subscription: plan, status, cycle, current period, what changes at the period's end, and this month's usage")
    public Uni<Data<SubscriptionResponse>> current() {
        Caller caller = Caller.of(identity);
        return withUsage(caller, subscriptions.current(caller));
    }

    /** Starts the Paystack checkout for a plan; the plan changes when Paystack confirms the payment. */
    @POST
    @Operation(summary = "Subscribe or upgrade: starts a Paystack checkout; the plan changes when Paystack confirms the payment")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: unknown plan_slug or billing_cycle")
    @APIResponse(responseCode = "422", description = "UNPROCESSABLE: Free, Enterprise, the current plan, or a downgrade while active")
    @APIResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: Paystack did not answer; nothing was charged")
    @RolesAllowed(Scope.ADMIN)
    public Uni<Data<CheckoutResponse>> subscribe(@Valid @NotNull SubscriptionRequest request) {
        Caller caller = Caller.of(identity);
        return subscriptions.subscribe(caller, request.toUpgrade(Checkouts.payerEmail(request.email(), caller.tenancy())))
                .map(checkout -> Data.of(CheckoutResponse.of(checkout)));
    }

    /** Changes the next period: a cheaper plan or another cycle, from the end of the current period. */
    @PATCH
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Change the billing cycle or downgrade, effective at the end of the current period")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: unknown plan_slug or billing_cycle, or neither given")
    @APIResponse(responseCode = "422", description = "UNPROCESSABLE: no paid subscription, cancelled, an upgrade (POST), Free (DELETE), Enterprise, or nothing to change")
    public Uni<Data<SubscriptionResponse>> change(@NotNull SubscriptionChangeRequest request) {
        Caller caller = Caller.of(identity);
        return withUsage(caller, subscriptions.change(caller, request.toChange()));
    }

    /** Cancels at the end of the period, then Free; a past-due subscription ends at once. */
    @DELETE
    @RolesAllowed(Scope.ADMIN)
    @Operation(summary = "Cancel: access continues until the end of the current period, then the Free plan")
    @APIResponse(responseCode = "422", description = "UNPROCESSABLE: no paid subscription, or already cancelled")
    public Uni<Data<SubscriptionResponse>> cancel() {
        Caller caller = Caller.of(identity);
        return withUsage(caller, subscriptions.cancel(caller));
    }

    /** The usage summary is {@code GET /billing/usage}'s answer, read once the subscription's change (if any) committed. */
    private Uni<Data<SubscriptionResponse>> withUsage(Caller caller, Uni<SubscriptionService.Current> current) {
        return current.flatMap(subscription -> usage.of(caller.tenancy())
                .map(used -> Data.of(SubscriptionResponse.of(subscription, UsageResponse.of(used)))));
    }
}
