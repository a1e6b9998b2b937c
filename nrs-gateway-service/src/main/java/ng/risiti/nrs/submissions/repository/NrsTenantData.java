package ng.risiti.nrs.submissions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/**
 * nrs-gateway-service's part of a tenant's data export: its submissions to NRS with what NRS answered, every call made
 * for them, and its integration settings without a secret (the NRS credentials only as configured or not, last 4).
 */
@ApplicationScoped
public class NrsTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(new ExportedTable("submissions", """
                        select id, invoice_id, invoice_number, irn, lower(status) as status, test_mode, lower(step) as step, firs_response,
                               submitted_at, payment_status, payment_status_sent, created_at, updated_at
                        from submissions where tenant_id = ?1 order by id"""),
                new ExportedTable("submission_attempts", """
                        select a.id, a.submission_id, a.step, a.request_id, a.http_status, a.outcome, a.latency_ms, a.error, a.created_at
                        from submission_attempts a join submissions s on s.id = a.submission_id
                        where s.tenant_id = ?1 order by a.id"""),
                new ExportedTable("nrs_credentials", """
                        select api_key is not null as api_key_configured, api_key_last4, api_secret is not null as api_secret_configured,
                               api_secret_last4, public_key is not null as public_key_configured,
                               certificate is not null as certificate_configured, service_id, business_id, verified_at, updated_at
                        from nrs_credentials where tenant_id = ?1 order by tenant_id"""),
                new ExportedTable("integration_connections", """
                        select name, connected, settings, updated_at from integration_connections where tenant_id = ?1 order by name"""));
    }
}
