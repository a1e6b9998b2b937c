package ng.risiti.nrs.submissions.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.nrs.submissions.domain.Submission;
import ng.risiti.nrs.submissions.domain.SubmissionStatus;
import ng.risiti.nrs.submissions.repository.SubmissionRepository;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

@ApplicationScoped
public class SubmissionService {

    private final SubmissionRepository submissions;
    private final Clock clock;

    public SubmissionService(SubmissionRepository submissions, Clock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    /** Records a finalized invoice; call inside the consumer's transaction (its inbox makes this once per event). */
    public Uni<Submission> recordFinalized(InvoiceSnapshot invoice) {
        OffsetDateTime now = Clocks.now(clock);
        Submission submission = new Submission();
        submission.id = UuidV7.next();
        submission.tenantId = invoice.tenantId();
        submission.invoiceId = invoice.invoiceId();
        submission.invoiceNumber = invoice.invoiceNumber();
        submission.irn = invoice.irn();
        submission.status = SubmissionStatus.PENDING;
        submission.testMode = invoice.testMode();
        submission.createdAt = now;
        submission.updatedAt = now;
        return submissions.persist(submission);
    }

    public Uni<List<Submission>> page(Tenancy tenancy, UUID invoiceId, PageRequest page) {
        return Panache.withSession(() -> submissions.page(tenancy, invoiceId, page));
    }
}
