package ng.risiti.invoice.sending.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.documents.config.DocumentsConfig;
import ng.risiti.invoice.documents.domain.InvoiceDocument;
import ng.risiti.invoice.documents.service.InvoicePdf;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.invoice.sending.config.SendingConfig;
import ng.risiti.invoice.sending.domain.ClaimedDelivery;
import ng.risiti.invoice.sending.domain.InvoiceNotice;
import ng.risiti.invoice.sending.domain.RetrySchedule;
import ng.risiti.invoice.sending.repository.DeliveryRepository;
import ng.risiti.invoice.tenants.domain.KnownTenant;
import ng.risiti.invoice.tenants.service.TenantDirectory;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * Delivers what sends recorded (docs/specification.md, Sending). Every replica runs it; a claim takes a small batch
 * of due deliveries with {@code for update skip locked} and leases them, so two dispatchers never hold one delivery.
 * Each outcome is recorded as soon as its provider answers, which keeps the one window for a duplicate (the provider
 * accepted, then we died before recording it) as short as a round trip; an email's fixed Message-ID narrows it further.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    /** The scheduled job's identity, for pausing it (tests, an operator's console). */
    public static final String JOB = "invoice-deliveries";
    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** Batches one run takes at most before it lets the next run start: a burst drains without starving the scheduler. */
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final DeliveryRepository deliveries;
    private final InvoiceRepository invoices;
    private final TenantDirectory tenants;
    private final InvoiceMailer mailer;
    private final WhatsAppSender whatsApp;
    private final DocumentsConfig documents;
    private final SendingConfig config;
    private final RetrySchedule retries;
    private final Clock clock;

    public DeliveryDispatcher(DeliveryRepository deliveries, InvoiceRepository invoices, TenantDirectory tenants, InvoiceMailer mailer,
            WhatsAppSender whatsApp, DocumentsConfig documents, SendingConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.invoices = invoices;
        this.tenants = tenants;
        this.mailer = mailer;
        this.whatsApp = whatsApp;
        this.documents = documents;
        this.config = config;
        this.retries = new RetrySchedule(config.initialBackoff(), config.maxBackoff(), config.maxAttempts());
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${risiti.invoice.sending.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return drain(MAX_BATCHES_PER_RUN).onFailure().recoverWithItem(failure -> {
            // the database is away: nothing was claimed, or what was claims again once its lease passes
            LOG.warnf("Invoice deliveries could not be dispatched: %s", failure.toString());
            return null;
        }).replaceWithVoid();
    }

    private Uni<Void> drain(int batches) {
        return dispatchBatch().flatMap(claimed -> claimed.size() == config.batchSize() && batches > 1
                ? drain(batches - 1) : Uni.createFrom().voidItem());
    }

    /**
     * Claims one batch of due deliveries, delivers each and records how it went; the ids it claimed. Safe to call from
     * any number of replicas and threads at once.
     */
    public Uni<List<UUID>> dispatchBatch() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> deliveries.giveUpUnreported(now, config.maxAttempts())
                        .flatMap(ignored -> deliveries.claim(now, now.plus(config.claimLease()), config.batchSize())))
                .flatMap(claimed -> Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(this::deliver)
                        .collect().asList().map(done -> claimed.stream().map(ClaimedDelivery::id).toList()));
    }

    private Uni<Void> deliver(ClaimedDelivery delivery) {
        return attempt(delivery)
                .map(Outcome::sent)
                .onFailure().recoverWithItem(failure -> Outcome.failed(DeliveryFailure.of(failure)))
                .flatMap(outcome -> Panache.withTransaction(() -> record(delivery, outcome)))
                .invoke(changed -> {
                    if (changed == 0) {
                        LOG.warnf("Delivery %s was claimed again before attempt %d reported; the newer attempt's outcome stands",
                                delivery.id(), delivery.attempts());
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    // the provider may have accepted it: once the lease passes it is tried again, the one duplicate we cannot rule out
                    LOG.errorf("Could not record the outcome of delivery %s (attempt %d): %s", delivery.id(), delivery.attempts(), failure);
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Records an attempt's outcome while the delivery is still this attempt's; the rows changed (0: the claim was lost). */
    private Uni<Integer> record(ClaimedDelivery delivery, Outcome outcome) {
        if (outcome.failure() == null) {
            LOG.infof("Delivered invoice %s by %s to %s (delivery %s, attempt %d)", delivery.invoiceId(), delivery.channel().wireName(),
                    delivery.recipient(), delivery.id(), delivery.attempts());
            return deliveries.markSent(delivery, Clocks.now(clock), outcome.providerId());
        }
        DeliveryFailure failure = outcome.failure();
        if (failure.permanent() || retries.exhausted(delivery.attempts())) {
            LOG.errorf("Giving up delivery %s of invoice %s by %s to %s after %d attempt(s): %s", delivery.id(), delivery.invoiceId(),
                    delivery.channel().wireName(), delivery.recipient(), delivery.attempts(), failure.getMessage());
            return deliveries.markFailed(delivery, failure.getMessage());
        }
        OffsetDateTime next = Clocks.now(clock).plus(retries.delayAfter(delivery.attempts()));
        LOG.warnf("Delivery %s by %s failed (attempt %d), trying again at %s: %s", delivery.id(), delivery.channel().wireName(),
                delivery.attempts(), next, failure.getMessage());
        return deliveries.reschedule(delivery, next, failure.getMessage());
    }

    private record Outcome(String providerId, DeliveryFailure failure) {
        static Outcome sent(String providerId) {
            return new Outcome(providerId, null);
        }

        static Outcome failed(DeliveryFailure failure) {
            return new Outcome(null, failure);
        }
    }

    /** Sends one delivery with the invoice as it is now; the provider's id for what it accepted. */
    private Uni<String> attempt(ClaimedDelivery delivery) {
        Tenancy tenancy = new Tenancy(delivery.tenantId(), delivery.testMode());
        return Panache.withSession(() -> invoices.findForTenant(tenancy, delivery.invoiceId())
                        .flatMap(invoice -> tenants.find(delivery.tenantId()).map(tenant -> new Loaded(invoice, tenant))))
                .flatMap(loaded -> {
                    if (loaded.invoice() == null) {
                        throw new DeliveryFailure("Invoice " + delivery.invoiceId() + " no longer exists", true);
                    }
                    if (loaded.tenant() == null) {
                        throw new DeliveryFailure("The business's details have not reached the invoice service yet", false);
                    }
                    Invoice invoice = loaded.invoice();
                    String page = documents.publicUrl() + "/p/" + invoice.publicToken;
                    InvoiceNotice notice = InvoiceNotice.of(invoice, loaded.tenant(), page);
                    return switch (delivery.channel()) {
                        case EMAIL -> Offload.run(() -> InvoicePdf.of(InvoiceDocument.of(invoice, loaded.tenant(), null, page + "/pay")))
                                .flatMap(pdf -> mailer.send(delivery, notice, pdf));
                        case WHATSAPP -> whatsApp.send(delivery, notice);
                    };
                });
    }

    private record Loaded(Invoice invoice, KnownTenant tenant) {
    }
}
