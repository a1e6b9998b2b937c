package ng.risiti.billing.plans.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/**
 * billing-service's part of a tenant's data export: nothing yet (plans are the same for everyone). It still answers
 * every request, so an export knows billing holds nothing rather than waiting for it; subscriptions, usage and
 * Paystack references join here when they exist.
 */
@ApplicationScoped
public class BillingTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of();
    }
}
