package ng.risiti.auth.dataexport.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/**
 * auth-service's part of a tenant's data export: the business, its people and their sign-in history. Left out
 * because they are secrets: password hashes, MFA secrets and backup codes, refresh, reset, invitation and OAuth-state
 * tokens, API key hashes, signing keys.
 */
@ApplicationScoped
public class AuthTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(
                new ExportedTable("tenant", """
                        select t.id, t.name as business_name, t.tin, t.business_type, t.plan_slug, s.address, s.contact_email,
                               s.logo_url, s.nrs_service_id, s.nrs_business_id,
                               coalesce(s.invoice_number_prefix, 'INV') as invoice_number_prefix,
                               coalesce(s.payment_terms_days, 30) as payment_terms_days,
                               s.invoice_footer, s.invoice_logo_url, t.created_at, t.updated_at
                        from tenants t left join tenant_settings s on s.tenant_id = t.id where t.id = ?1 order by t.id"""),
                new ExportedTable("users", """
                        select id, email, first_name, last_name, role, oauth_provider, mfa_enabled, created_at, updated_at, removed_at
                        from users where tenant_id = ?1 order by id"""),
                new ExportedTable("oauth_links", """
                        select l.id, l.user_id, l.provider, l.subject, l.email, l.created_at, l.last_login_at
                        from oauth_links l join users u on u.id = l.user_id where u.tenant_id = ?1 order by l.id"""),
                new ExportedTable("sessions", """
                        select id, user_id, created_at, last_used_at, expires_at, revoked_at, user_agent, ip_address
                        from sessions where tenant_id = ?1 order by id"""),
                new ExportedTable("api_keys", """
                        select id, name, prefix, scopes, test, created_by, created_at, expires_at, last_used_at, revoked_at
                        from api_keys where tenant_id = ?1 order by id"""),
                new ExportedTable("invitations", """
                        select id, email, role, invited_by, created_at, expires_at, accepted_at, accepted_user_id, revoked_at
                        from invitations where tenant_id = ?1 order by id"""),
                new ExportedTable("data_exports", """
                        select id, requested_by, status, requested_at, completed_at, expires_at, size_bytes, sha256, failure_reason
                        from data_exports where tenant_id = ?1 order by id"""));
    }
}
