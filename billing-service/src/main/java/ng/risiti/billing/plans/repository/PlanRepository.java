package ng.risiti.billing.plans.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.billing.plans.domain.Plan;

/** The plans table: data seeded by a migration, not code. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, String> {

    /** In the plans' own order (their {@code position}). */
    public Uni<List<Plan>> ordered() {
        return list("order by position");
    }
}
