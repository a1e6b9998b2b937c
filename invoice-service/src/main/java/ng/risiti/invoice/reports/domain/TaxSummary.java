package ng.risiti.invoice.reports.domain;

import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * VAT and WHT over a period, from the journal's movements (docs/specification.md, Reports): output VAT charged (VAT
 * Provision and VAT Payable together: invoices less credit notes and voids), the part of it that fell due (moved to
 * VAT Payable as customers paid), the part still provisioned, input VAT (from expenses) and WHT the payers withheld.
 * Net payable is the output VAT due less input VAT: what the period's VAT return would pay (negative: a credit).
 */
public record TaxSummary(ReportPeriod period, Kobo outputVat, Kobo outputVatDue, Kobo vatProvision, Kobo inputVat, Kobo whtSuffered) {

    public Kobo netPayable() {
        return outputVatDue.minus(inputVat);
    }
}
