package ng.risiti.billing.plans.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ng.risiti.billing.plans.service.PlanCatalog;
import ng.risiti.platform.rest.Data;

/** {@code /api/v1/billing/plans}: public list of plans with pricing, features and limits. */
@Path("/api/v1/billing/plans")
@Produces(MediaType.APPLICATION_JSON)
public class BillingPlanResource {

    private final PlanCatalog catalog;

    public BillingPlanResource(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public Uni<Data<List<PlanResponse>>> list() {
        return catalog.plans().map(plans -> Data.of(plans.stream().map(PlanResponse::of).toList()));
    }
}
