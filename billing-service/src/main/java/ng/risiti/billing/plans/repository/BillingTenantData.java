package ng.risiti.billing.plans.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/**
 * billing-service's part of a tenant's data export: its subscriptions, the Paystack checkouts it started, the
 * API-credit ledger and the usage counted (API calls a day, invoices a month), live and test alike (each row says
 * which). Plans are the same for everyone and are not exported; checkout URLs are left out (they are Paystack's one-time payment pages, not the tenant's data).
 */
@ApplicationScoped
public class BillingTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(
                new ExportedTable("subscriptions", """
                        select test_mode, plan_slug, billing_cycle, status, current_period_start, current_period_end, last_reference, updated_at
                        from subscriptions where tenant_id = ?1 order by test_mode"""),
                new ExportedTable("paystack_checkouts", """
                        select reference, test_mode, purpose, plan_slug, billing_cycle, amount_kobo, currency, email, status, failure_reason,
                               created_at, paid_at
                        from paystack_checkouts where tenant_id = ?1 order by created_at, reference"""),
                new ExportedTable("credit_ledger", """
                        select id, test_mode, kind, amount_kobo, source_id, description, created_at
                        from credit_ledger where tenant_id = ?1 order by created_at, id"""),
                new ExportedTable("api_usage_days", """
                        select test_mode, day, calls from api_usage_days where tenant_id = ?1 order by day, test_mode"""),
                new ExportedTable("invoice_usage_months", """
                        select test_mode, month, invoices from invoice_usage_months where tenant_id = ?1 order by month, test_mode"""));
    }
}
