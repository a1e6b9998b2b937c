package ng.risiti.billing.subscriptions.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.billing.paystack.rest.CheckoutResponse;
import ng.risiti.billing.subscriptions.service.SubscriptionService;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /api/v1/billing/invoices}: the subscription's billing history, newest first: every checkout started for a
 * plan with its amount, date, plan, cycle and payment status (pending, paid, failed, amount_mismatch).
 */
@Path("/api/v1/billing/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class BillingInvoiceResource {

    private final SubscriptionService subscriptions;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public BillingInvoiceResource(SubscriptionService subscriptions, Pagination pagination, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.pagination = pagination;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scope.ADMIN)
    public Uni<Page<CheckoutResponse>> list(@RestQuery String cursor, @RestQuery String limit) {
        PageRequest page = pagination.request(cursor, limit);
        return subscriptions.history(Caller.of(identity), page).map(rows -> pagination.page(rows, page,
                        last -> Map.of("created_at", last.createdAt.toString(), "reference", last.reference)))
                .map(rows -> rows.map(CheckoutResponse::of));
    }
}
