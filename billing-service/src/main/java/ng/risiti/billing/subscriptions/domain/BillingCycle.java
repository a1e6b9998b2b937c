package ng.risiti.billing.subscriptions.domain;

import java.time.OffsetDateTime;
import java.util.Optional;
import ng.risiti.billing.plans.domain.Plan;

/** How often a subscription is paid: monthly at the plan's price, or annually at twelve months less the discount. */
public enum BillingCycle {
    MONTHLY("monthly"),
    ANNUAL("annual");

    private final String wireName;

    BillingCycle(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<BillingCycle> parse(String value) {
        for (BillingCycle cycle : values()) {
            if (cycle.wireName.equals(value)) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    /** The plan's price for one period of this cycle, in kobo (null for custom pricing). */
    public Long price(Plan plan) {
        return this == MONTHLY ? plan.monthlyPriceKobo : plan.annualPriceKobo();
    }

    /** When a period that starts at {@code start} ends. */
    public OffsetDateTime periodEnd(OffsetDateTime start) {
        return this == MONTHLY ? start.plusMonths(1) : start.plusYears(1);
    }
}
