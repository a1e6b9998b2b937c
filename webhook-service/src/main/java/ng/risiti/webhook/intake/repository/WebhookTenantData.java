package ng.risiti.webhook.intake.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/**
 * webhook-service's part of a tenant's data export: the events it holds for the tenant's webhooks, its endpoints (never
 * their secrets) and their deliveries with every attempt.
 */
@ApplicationScoped
public class WebhookTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(new ExportedTable("events", """
                select id, type, subject, occurred_at, received_at, data::jsonb as data
                from events where tenant_id = ?1 order by received_at, id"""),
                new ExportedTable("webhook_endpoints", """
                        select id, test_mode, url, to_jsonb(events) as events, description, status, paused_reason, created_at, updated_at
                        from webhook_endpoints where tenant_id = ?1 order by id"""),
                new ExportedTable("webhook_deliveries", """
                        select d.id, d.endpoint_id, d.test_mode, d.event_id, d.event_type, d.payload::jsonb as payload, d.status,
                               d.created_at, d.completed_at,
                               coalesce((select jsonb_agg(jsonb_build_object('attempt', a.attempt, 'attempted_at', a.attempted_at,
                                   'status_code', a.status_code, 'latency_ms', a.latency_ms, 'response_excerpt', a.response_excerpt,
                                   'error', a.error) order by a.attempted_at) from webhook_attempts a where a.delivery_id = d.id),
                                   '[]'::jsonb) as attempts
                        from webhook_deliveries d where d.tenant_id = ?1 order by d.created_at, d.id"""));
    }
}
