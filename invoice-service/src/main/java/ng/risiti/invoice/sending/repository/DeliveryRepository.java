package ng.risiti.invoice.sending.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.sending.domain.ClaimedDelivery;
import ng.risiti.invoice.sending.domain.DeliveryChannel;
import ng.risiti.invoice.sending.domain.InvoiceDelivery;
import ng.risiti.platform.persistence.SessionSql;

/**
 * Invoice deliveries. A request writes them within its tenancy; the dispatcher works across tenants (each row carries
 * its tenant and world, and everything it reads for a delivery is read within them).
 */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<InvoiceDelivery, UUID> {

    /**
     * Takes up to $3 due pending deliveries, skipping rows another dispatcher is claiming at this moment, and moves
     * them past the claim's lease ($2) so no dispatcher takes them again while this one sends: several replicas (or
     * threads) each get different rows. Counting the attempt here means a dispatcher that dies mid-send still uses one.
     */
    private static final String CLAIM = """
            update invoice_deliveries d set attempts = d.attempts + 1, next_attempt_at = $2
            from (select id from invoice_deliveries where status = 'PENDING' and next_attempt_at <= $1
                  order by next_attempt_at limit $3 for update skip locked) due
            where d.id = due.id
            returning d.id, d.tenant_id, d.test_mode, d.invoice_id, d.channel, d.recipient, d.message, d.attempts""";

    public Uni<List<ClaimedDelivery>> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return SessionSql.rows(CLAIM, now, leaseUntil, limit).map(rows -> rows.stream()
                .map(row -> new ClaimedDelivery((UUID) row[0], (UUID) row[1], (Boolean) row[2], (UUID) row[3],
                        DeliveryChannel.valueOf((String) row[4]), (String) row[5], (String) row[6], ((Number) row[7]).intValue()))
                .toList());
    }

    /**
     * Deliveries whose last claim never reported back (its dispatcher died) after the last attempt allowed: they fail
     * here rather than being tried once more.
     */
    public Uni<Integer> giveUpUnreported(OffsetDateTime now, int maxAttempts) {
        return SessionSql.update("""
                update invoice_deliveries set status = 'FAILED', next_attempt_at = null,
                    last_error = 'Gave up after ' || attempts || ' attempts; the last one never reported back.'
                        || coalesce(' Before it: ' || last_error, '')
                where status = 'PENDING' and attempts >= $2 and next_attempt_at <= $1""", now, maxAttempts);
    }

    /** The provider accepted the claimed attempt; returns 0 when the claim was lost to another dispatcher. */
    public Uni<Integer> markSent(ClaimedDelivery delivery, OffsetDateTime at, String providerMessageId) {
        return SessionSql.update("""
                update invoice_deliveries set status = 'SENT', sent_at = $3, provider_message_id = $4, next_attempt_at = null
                where id = $1 and attempts = $2 and status = 'PENDING'""", delivery.id(), delivery.attempts(), at, providerMessageId);
    }

    /** The attempt failed for a passing reason: due again at {@code next}. */
    public Uni<Integer> reschedule(ClaimedDelivery delivery, OffsetDateTime next, String error) {
        return SessionSql.update("""
                update invoice_deliveries set next_attempt_at = $3, last_error = $4
                where id = $1 and attempts = $2 and status = 'PENDING'""", delivery.id(), delivery.attempts(), next, error);
    }

    /** Given up: the error stays for whoever asks why. */
    public Uni<Integer> markFailed(ClaimedDelivery delivery, String error) {
        return SessionSql.update("""
                update invoice_deliveries set status = 'FAILED', next_attempt_at = null, last_error = $3
                where id = $1 and attempts = $2 and status = 'PENDING'""", delivery.id(), delivery.attempts(), error);
    }
}
