package ng.risiti.invoice.nrs.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.platform.persistence.SessionSql;

/**
 * Writes NRS's outcome onto the invoice, newer wins ({@code firs_version}: the gateway's per-invoice event version; 0, an event without one, always applies).
 * A failure moves a finalized or sent invoice to {@code firs_submission_failed} and remembers where it was; a later
 * success moves it back there. Paid, partial and cancelled invoices keep their status: the outcome is recorded beside.
 * {@code version} is bumped like any change of the row (the entity's optimistic lock).
 */
@ApplicationScoped
public class FirsOutcomes {

    public Uni<Integer> submitted(UUID tenantId, boolean test, UUID invoiceId, OffsetDateTime submittedAt, String response, long eventVersion,
            OffsetDateTime now) {
        return SessionSql.update("""
                update invoices set firs_submitted_at = $4, firs_response = $5, firs_version = $6,
                    status = case when status = 'FIRS_SUBMISSION_FAILED' then coalesce(status_before_firs_failure, 'FINALIZED') else status end,
                    status_before_firs_failure = null, version = version + 1, updated_at = $7
                where id = $1 and tenant_id = $2 and test_mode = $3 and ($6 = 0 or firs_version is null or firs_version < $6)""",
                invoiceId, tenantId, test, submittedAt, response, eventVersion, now);
    }

    public Uni<Integer> failed(UUID tenantId, boolean test, UUID invoiceId, String response, long eventVersion, OffsetDateTime now) {
        return SessionSql.update("""
                update invoices set firs_response = $4, firs_version = $5,
                    status_before_firs_failure = case when status in ('FINALIZED', 'SENT') then status else status_before_firs_failure end,
                    status = case when status in ('FINALIZED', 'SENT') then 'FIRS_SUBMISSION_FAILED' else status end,
                    version = version + 1, updated_at = $6
                where id = $1 and tenant_id = $2 and test_mode = $3 and ($5 = 0 or firs_version is null or firs_version < $5)""",
                invoiceId, tenantId, test, response, eventVersion, now);
    }
}
