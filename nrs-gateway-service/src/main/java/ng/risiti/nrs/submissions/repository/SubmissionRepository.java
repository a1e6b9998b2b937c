package ng.risiti.nrs.submissions.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.submissions.domain.ClaimedSubmission;
import ng.risiti.nrs.submissions.domain.MbsStep;
import ng.risiti.nrs.submissions.domain.Submission;
import ng.risiti.platform.observability.Traces;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;

/**
 * Submissions. Requests read and queue them within the caller's tenancy; the worker works across tenants (each row
 * carries its tenant and world). Every write of the worker names the claim it holds ({@code attempts}), so a worker
 * whose lease passed changes nothing.
 */
@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /**
     * Takes up to $3 due queued submissions, skipping rows another worker is claiming, and moves them past the lease
     * ($2): several replicas (or threads) each get different rows. The claim counts as an attempt, so a worker that
     * dies mid-flow still uses one.
     */
    private static final String CLAIM = """
            update submissions s set attempts = s.attempts + 1, next_attempt_at = $2, updated_at = $1
            from (select id from submissions where status = 'QUEUED' and next_attempt_at <= $1
                  order by next_attempt_at limit $3 for update skip locked) due
            where s.id = due.id
            returning s.id, s.tenant_id, s.test_mode, s.invoice_id, s.invoice_number, s.irn, s.step, s.payload, s.attempts, s.sign_sent_at,
                s.trace_parent""";

    /**
     * Queues the invoice unless it is queued or submitted already (then the existing job stands). A failed one starts
     * again with the new payload, from the IRN check, unless NRS signed it already: then it resumes after signing.
     */
    private static final String QUEUE = """
            insert into submissions as s (id, tenant_id, invoice_id, invoice_number, irn, status, test_mode, created_at, updated_at,
                                          step, payload, attempts, next_attempt_at, queued_at, trace_parent)
            values ($1, $2, $3, $4, $5, 'QUEUED', $6, $7, $7, 'VALIDATE_IRN', $8, 0, $7, $7, $9)
            on conflict (invoice_id) do update set status = 'QUEUED', payload = excluded.payload, attempts = 0,
                trace_parent = excluded.trace_parent,
                next_attempt_at = excluded.next_attempt_at, queued_at = excluded.queued_at, updated_at = excluded.updated_at,
                last_error = null, firs_response = null,
                step = case when s.signed_at is null then 'VALIDATE_IRN' else s.step end
            where s.status in ('PENDING', 'FAILED') and s.tenant_id = excluded.tenant_id and s.test_mode = excluded.test_mode""";

    /** Newest first, optionally for one invoice. */
    public Uni<List<Submission>> page(Tenancy tenancy, UUID invoiceId, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and testMode = :test");
        Parameters parameters = Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
        if (invoiceId != null) {
            query.append(" and invoiceId = :invoice");
            parameters.and("invoice", invoiceId);
        }
        if (page.after("id") != null) {
            query.append(" and id < :after");
            parameters.and("after", UUID.fromString(page.after("id")));
        }
        return find(query.append(" order by id desc").toString(), parameters).page(0, page.fetchSize()).list();
    }

    public Uni<Submission> findForTenant(Tenancy tenancy, UUID id) {
        return find("tenantId = :tenant and testMode = :test and id = :id",
                Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test()).and("id", id)).firstResult();
    }

    public Uni<Submission> findByInvoice(Tenancy tenancy, UUID invoiceId) {
        return find("tenantId = :tenant and testMode = :test and invoiceId = :invoice",
                Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test()).and("invoice", invoiceId)).firstResult();
    }

    /** A finalized invoice the gateway learnt of; nothing when submit-firs got here first (then the row exists). */
    public Uni<Integer> recordFinalized(UUID tenantId, boolean test, UUID invoiceId, String invoiceNumber, String irn, OffsetDateTime now) {
        return SessionSql.update("""
                insert into submissions (id, tenant_id, invoice_id, invoice_number, irn, status, test_mode, created_at, updated_at)
                values ($1, $2, $3, $4, $5, 'PENDING', $6, $7, $7) on conflict (invoice_id) do nothing""",
                UuidV7.next(), tenantId, invoiceId, invoiceNumber, irn, test, now);
    }

    /**
     * 1 when the invoice is now queued, 0 when it was queued or submitted already. The row keeps the current trace (the
     * submit-firs request's), which the worker continues.
     */
    public Uni<Integer> queue(Tenancy tenancy, UUID invoiceId, String invoiceNumber, String irn, String payload, OffsetDateTime now) {
        return SessionSql.update(QUEUE, UuidV7.next(), tenancy.tenantId(), invoiceId, invoiceNumber, irn, tenancy.test(), now, payload,
                Traces.currentParent());
    }

    public Uni<List<ClaimedSubmission>> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return SessionSql.rows(CLAIM, now, leaseUntil, limit).map(rows -> rows.stream()
                .map(row -> new ClaimedSubmission((UUID) row[0], (UUID) row[1], (Boolean) row[2], (UUID) row[3], (String) row[4],
                        (String) row[5], MbsStep.valueOf((String) row[6]), (String) row[7], ((Number) row[8]).intValue(),
                        row[9] == null ? null : toOffset(row[9]), (String) row[10]))
                .toList());
    }

    /** A timestamptz as the reactive client returns it (an OffsetDateTime, or a LocalDateTime in UTC). */
    public static OffsetDateTime toOffset(Object value) {
        return value instanceof OffsetDateTime offset ? offset : ((java.time.LocalDateTime) value).atOffset(java.time.ZoneOffset.UTC);
    }

    /** Written and committed before the sign call goes out: whoever finds it set asks NRS before signing again. */
    public Uni<Integer> markSignSent(ClaimedSubmission job, OffsetDateTime at) {
        return SessionSql.update("""
                update submissions set sign_sent_at = coalesce(sign_sent_at, $3), updated_at = $3
                where id = $1 and attempts = $2 and status = 'QUEUED'""", job.id(), job.attempts(), at);
    }

    /** The step is done: the job moves to the next one. */
    public Uni<Integer> advance(ClaimedSubmission job, MbsStep done, OffsetDateTime at) {
        return SessionSql.update("update submissions set step = $3, " + done.doneColumn() + " = $4, updated_at = $4, last_error = null"
                + " where id = $1 and attempts = $2 and status = 'QUEUED'", job.id(), job.attempts(), done.next().name(), at);
    }

    public Uni<Integer> reschedule(ClaimedSubmission job, OffsetDateTime next, String error, OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set next_attempt_at = $3, last_error = $4, updated_at = $5
                where id = $1 and attempts = $2 and status = 'QUEUED'""", job.id(), job.attempts(), next, error, now);
    }

    /** The tenant's circuit is open: no call was made, so the claim does not count as an attempt. */
    public Uni<Integer> deferForCircuit(ClaimedSubmission job, OffsetDateTime until, String error, OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set attempts = attempts - 1, next_attempt_at = $3, last_error = $4, updated_at = $5
                where id = $1 and attempts = $2 and status = 'QUEUED'""", job.id(), job.attempts(), until, error, now);
    }

    public Uni<Integer> fail(ClaimedSubmission job, String firsResponse, String error, OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set status = 'FAILED', next_attempt_at = null, firs_response = $3, last_error = $4, updated_at = $5
                where id = $1 and attempts = $2 and status = 'QUEUED'""", job.id(), job.attempts(), firsResponse, error, now);
    }

    public Uni<Integer> submitted(ClaimedSubmission job, String firsResponse, OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set status = 'SUBMITTED', step = 'DONE', next_attempt_at = null, firs_response = $3, last_error = null,
                    submitted_at = $4, updated_at = $4,
                    -- paid (or cancelled) while it was on its way: tell NRS now
                    payment_next_at = case when payment_status is distinct from payment_status_sent and payment_status is not null
                                           then $4::timestamptz end
                where id = $1 and attempts = $2 and status = 'QUEUED'""", job.id(), job.attempts(), firsResponse, now);
    }

    /**
     * The invoice's payment status changed (its event {@code version}); an update call is due at once if NRS already
     * has the invoice, else when the submission completes. 0 when a newer event was applied first or there is no row.
     */
    public Uni<Integer> wantPaymentStatus(UUID tenantId, boolean test, UUID invoiceId, String status, String reference, long version,
            OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set payment_status = $4::text, payment_reference = $5::text, payment_version = $6::bigint,
                    payment_attempts = 0, payment_error = null, updated_at = $7::timestamptz,
                    payment_next_at = case when status = 'SUBMITTED' and $4::text is distinct from payment_status_sent then $7::timestamptz end
                where invoice_id = $3 and tenant_id = $1 and test_mode = $2 and (payment_version < $6::bigint or $6::bigint = 0)""",
                tenantId, test, invoiceId, status, reference, version, now);
    }

    /** A payment update one worker holds until {@code leaseUntil}: id, tenant, test, irn, status, reference, version, attempts. */
    public Uni<List<Object[]>> claimPaymentUpdates(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return SessionSql.rows("""
                update submissions s set payment_attempts = s.payment_attempts + 1, payment_next_at = $2
                from (select id from submissions where status = 'SUBMITTED' and payment_next_at <= $1
                      order by payment_next_at limit $3 for update skip locked) due
                where s.id = due.id
                returning s.id, s.tenant_id, s.test_mode, s.irn, s.payment_status, s.payment_reference, s.payment_version, s.payment_attempts""",
                now, leaseUntil, limit);
    }

    /** NRS took the status; unless a newer one arrived meanwhile (then its call stays due). */
    public Uni<Integer> paymentSent(UUID id, String status, long version, OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set payment_status_sent = $2, payment_error = null, updated_at = $4,
                    payment_next_at = case when payment_version = $3::bigint then null else payment_next_at end,
                    payment_attempts = case when payment_version = $3::bigint then 0 else payment_attempts end
                where id = $1""", id, status, version, now);
    }

    public Uni<Integer> paymentRetry(UUID id, long version, OffsetDateTime next, String error, OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set payment_next_at = $3, payment_error = $4, updated_at = $5
                where id = $1 and payment_version = $2""", id, version, next, error, now);
    }

    /** NRS refused the update (or retries ran out): kept as the error, not tried again until the status changes. */
    public Uni<Integer> paymentRefused(UUID id, long version, String error, OffsetDateTime now) {
        return SessionSql.update("""
                update submissions set payment_next_at = null, payment_error = $3, updated_at = $4
                where id = $1 and payment_version = $2""", id, version, error, now);
    }

    /** When each step was done, in MBS order (null for steps not reached). */
    public Uni<Object[]> stepTimes(UUID id) {
        return SessionSql.rows("select irn_validated_at, validated_at, signed_at, transmitted_at, confirmed_at from submissions where id = $1", id)
                .map(rows -> rows.isEmpty() ? new Object[5] : rows.getFirst());
    }
}
