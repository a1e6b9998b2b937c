package ng.risiti.billing.plans.rest;

import java.math.BigDecimal;
import ng.risiti.billing.plans.domain.Plan;

/** A plan as {@code GET /billing/plans} shows it; prices as naira strings with kobo twins, null for custom. */
public record PlanResponse(String slug, String name, String monthlyPrice, Long monthlyPriceKobo, String annualPrice,
        Long annualPriceKobo, Limits limits, Features features) {

    public record Limits(Integer apiCallsPerDay, Integer burstPerMinute) {
    }

    public record Features(boolean nrsSubmission, boolean pdfAndXml, boolean creditNotes, boolean customPricing) {
    }

    public static PlanResponse of(Plan plan) {
        Long annual = plan.annualPriceKobo();
        return new PlanResponse(plan.slug, plan.name, naira(plan.monthlyPriceKobo), plan.monthlyPriceKobo, naira(annual), annual,
                new Limits(plan.apiCallsPerDay, plan.burstPerMinute),
                new Features(plan.nrsSubmission, plan.pdfAndXml, plan.creditNotes, plan.customPricing));
    }

    private static String naira(Long kobo) {
        return kobo == null ? null : BigDecimal.valueOf(kobo, 2).toPlainString();
    }
}
