package ng.risiti.billing.plans.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.billing.plans.domain.Plan;
import ng.risiti.billing.plans.repository.PlanRepository;

/** The plans on offer: the same for every tenant, so reading them needs no caller. */
@ApplicationScoped
public class PlanCatalog {

    private final PlanRepository plans;

    public PlanCatalog(PlanRepository plans) {
        this.plans = plans;
    }

    /** Every plan, in the order the plans list shows them. */
    public Uni<List<Plan>> plans() {
        return Panache.withSession(plans::ordered);
    }
}
