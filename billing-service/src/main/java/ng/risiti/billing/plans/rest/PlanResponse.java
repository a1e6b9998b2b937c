package ng.risiti.billing.plans.rest;

import ng.risiti.billing.plans.domain.Plan;
import ng.risiti.platform.rest.Naira;

/** A plan as {@code GET /billing/plans} shows it; prices as naira strings with kobo twins, null for custom. */
public record PlanResponse(String slug, String name, String monthlyPrice, Long monthlyPriceKobo, String annualPrice,
        Long annualPriceKobo, Limits limits, Features features) {

    public record Limits(Integer apiCallsPerDay, Integer burstPerMinute) {
    }

    public record Features(boolean nrsSubmission, boolean pdfAndXml, boolean creditNotes, boolean customPricing) {
    }

    public static PlanResponse of(Plan plan) {
        Long annual = plan.annualPriceKobo();
        return new PlanResponse(plan.slug, plan.name, Naira.fromKobo(plan.monthlyPriceKobo), plan.monthlyPriceKobo, Naira.fromKobo(annual), annual,
                new Limits(plan.apiCallsPerDay, plan.burstPerMinute),
                new Features(plan.nrsSubmission, plan.pdfAndXml, plan.creditNotes, plan.customPricing));
    }
}
