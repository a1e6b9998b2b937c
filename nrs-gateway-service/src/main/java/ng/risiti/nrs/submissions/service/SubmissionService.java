package ng.risiti.nrs.submissions.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.integrations.service.NrsCredentialStore;
import ng.risiti.nrs.submissions.domain.Submission;
import ng.risiti.nrs.submissions.domain.SubmissionAttempt;
import ng.risiti.nrs.submissions.repository.AttemptRepository;
import ng.risiti.nrs.submissions.repository.SubmissionRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

@ApplicationScoped
public class SubmissionService {

    /** The job id submit-firs answers: one job per invoice, so a second call names the same one. */
    public static String jobId(UUID invoiceId) {
        return "firs-submission:" + invoiceId;
    }

    /** What queuing an invoice came to: its submission (queued now, or as it already was). */
    public record Queued(Submission submission, boolean queuedNow) {
    }

    /** An invoice to submit, as invoice-service hands it over ({@code POST /internal/nrs/submissions}). */
    public record SubmitInvoice(UUID invoiceId, String invoiceNumber, String irn, JsonNode payload) {
    }

    public record Detail(Submission submission, List<SubmissionAttempt> attempts) {
    }

    private final SubmissionRepository submissions;
    private final AttemptRepository attempts;
    private final NrsCredentialStore credentials;
    private final Clock clock;

    public SubmissionService(SubmissionRepository submissions, AttemptRepository attempts, NrsCredentialStore credentials, Clock clock) {
        this.submissions = submissions;
        this.attempts = attempts;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Records a finalized invoice; call inside the consumer's transaction (its inbox makes this once per event). */
    public Uni<Void> recordFinalized(InvoiceSnapshot invoice) {
        return submissions.recordFinalized(invoice.tenantId(), invoice.testMode(), invoice.invoiceId(), invoice.invoiceNumber(),
                invoice.irn(), Clocks.now(clock)).replaceWithVoid();
    }

    /**
     * The invoice's status after a payment, credit or void, as NRS's payment status (paid PAID, partial PARTIAL,
     * cancelled CANCELED; other statuses leave NRS as it is); in the consumer's transaction.
     */
    public Uni<Void> paymentStatusChanged(InvoiceSnapshot invoice, String reference, long version) {
        String status = switch (invoice.status() == null ? "" : invoice.status()) {
            case "paid" -> "PAID";
            case "partial" -> "PARTIAL";
            case "cancelled" -> "CANCELED";
            default -> null;
        };
        if (status == null) {
            return Uni.createFrom().voidItem();
        }
        return submissions.wantPaymentStatus(invoice.tenantId(), invoice.testMode(), invoice.invoiceId(), status, reference, version,
                Clocks.now(clock)).replaceWithVoid();
    }

    /**
     * Queues the invoice for the worker unless it is queued or submitted already (the same job stands); a failed one
     * is queued again. 422 when a live tenant has no usable NRS credentials.
     */
    public Uni<Queued> queue(Tenancy tenancy, SubmitInvoice invoice) {
        return Panache.withTransaction(() -> credentials.requireUsable(tenancy.tenantId(), tenancy.test())
                .flatMap(ok -> submissions.queue(tenancy, invoice.invoiceId(), invoice.invoiceNumber(), invoice.irn(),
                        invoice.payload().toString(), Clocks.now(clock)))
                .flatMap(queued -> submissions.findByInvoice(tenancy, invoice.invoiceId())
                        // the invoice id is another world's (or tenant's): the caller's never had it
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Invoice", invoice.invoiceId()))
                        .map(found -> new Queued(found, queued == 1))));
    }

    public Uni<List<Submission>> page(Tenancy tenancy, UUID invoiceId, PageRequest page) {
        return Panache.withSession(() -> submissions.page(tenancy, invoiceId, page));
    }

    public Uni<Detail> detail(Tenancy tenancy, UUID id) {
        return Panache.withSession(() -> submissions.findForTenant(tenancy, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Submission", id))
                .flatMap(found -> attempts.of(found.id).map(list -> new Detail(found, list))));
    }
}
