package ng.risiti.billing.plans.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import ng.risiti.billing.plans.repository.PlanRepository;
import ng.risiti.platform.rest.Data;

/** {@code /api/v1/billing/plans}: public list of plans with pricing, features and limits. */
@Path("/api/v1/billing/plans")
@Produces(MediaType.APPLICATION_JSON)
public class BillingPlanResource {

    private final PlanRepository plans;

    public BillingPlanResource(PlanRepository plans) {
        this.plans = plans;
    }

    @GET
    @WithSession
    public Uni<Data<List<PlanResponse>>> list() {
        return plans.ordered().map(rows -> Data.of(rows.stream().map(PlanResponse::of).toList()));
    }
}
