package ng.risiti.webhook.intake.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/** webhook-service's part of a tenant's data export: the events it holds for the tenant's webhooks. */
@ApplicationScoped
public class WebhookTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(new ExportedTable("events", """
                select id, type, subject, occurred_at, received_at, data::jsonb as data
                from events where tenant_id = ?1 order by received_at, id"""));
    }
}
