package ng.risiti.invoice.invoices.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ng.risiti.invoice.invoices.config.OverdueConfig;
import ng.risiti.invoice.invoices.events.InvoiceEvents;
import ng.risiti.invoice.invoices.repository.InvoiceRepository;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.time.Clocks;

/**
 * Invoices that fall overdue: finalized, sent or partially paid, with something still due after their due date (in
 * Lagos). Each is flagged and gets its invoice.overdue in the same transaction, once: the flag takes it out of every
 * later run, and concurrent runs (every replica runs the job) skip the rows another run holds rather than flag them twice.
 */
@ApplicationScoped
public class OverdueInvoices {

    /** The job's scheduler identity (to pause it, in tests). */
    public static final String JOB = "invoice-overdue";
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    private final InvoiceRepository invoices;
    private final InvoiceEvents events;
    private final OverdueConfig config;
    private final Clock clock;

    public OverdueInvoices(InvoiceRepository invoices, InvoiceEvents events, OverdueConfig config, Clock clock) {
        this.invoices = invoices;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${risiti.invoice.overdue.interval:60s}", delayed = "${risiti.invoice.overdue.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() throws Throwable {
        // a worker thread waits for the reactive work, which needs a Vert.x context of its own
        VertxContextSupport.subscribeAndAwait(this::flag);
    }

    /** Flags every invoice that is overdue now, a batch per transaction; answers how many this run flagged. */
    public Uni<Integer> flag() {
        return batch().flatMap(flagged -> flagged < config.batchSize() ? Uni.createFrom().item(flagged)
                : flag().map(more -> flagged + more));
    }

    private Uni<Integer> batch() {
        OffsetDateTime now = Clocks.now(clock);
        LocalDate today = now.atZoneSameInstant(LAGOS).toLocalDate();
        return Panache.withTransaction(() -> invoices.flagOverdue(today, now, config.batchSize())
                .call(flagged -> Multi.createFrom().iterable(flagged)
                        .onItem().transformToUniAndConcatenate(invoice -> events.emit(EventTypes.INVOICE_OVERDUE, invoice))
                        .collect().last())
                .map(java.util.List::size));
    }
}
