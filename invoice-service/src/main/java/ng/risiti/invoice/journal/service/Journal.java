package ng.risiti.invoice.journal.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.journal.domain.AccountBalance;
import ng.risiti.invoice.journal.domain.CashMovement;
import ng.risiti.invoice.journal.domain.JournalEntry;
import ng.risiti.invoice.journal.domain.JournalFilter;
import ng.risiti.invoice.journal.domain.TrialBalance;
import ng.risiti.invoice.journal.repository.JournalRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.security.Caller;

/** Reading the books: the caller's entries and the trial balance, always in the caller's tenancy. */
@ApplicationScoped
public class Journal {

    private final JournalRepository journal;

    public Journal(JournalRepository journal) {
        this.journal = journal;
    }

    public Uni<List<JournalEntry>> page(Caller caller, JournalFilter filter, PageRequest page) {
        return Panache.withSession(() -> journal.page(caller.tenancy(), filter, page));
    }

    public Uni<JournalEntry> get(Caller caller, UUID id) {
        return Panache.withSession(() -> journal.find(caller.tenancy(), id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Journal entry", id));
    }

    /** Up to and including {@code asOf} (every entry when null). */
    public Uni<TrialBalance> trialBalance(Caller caller, LocalDate asOf) {
        return Panache.withSession(() -> journal.balances(caller.tenancy(), asOf)).map(accounts -> new TrialBalance(asOf, accounts));
    }

    /** Each account's debits and credits over the entries dated {@code from} to {@code to} (both included; null is open). */
    public Uni<List<AccountBalance>> movements(Caller caller, LocalDate from, LocalDate to) {
        return Panache.withSession(() -> journal.movements(caller.tenancy(), from, to));
    }

    /** Bank and Cash movements per period ({@code day}, {@code week}, {@code month}) and kind of source. */
    public Uni<List<CashMovement>> cashMovements(Caller caller, LocalDate from, LocalDate to, String interval) {
        return Panache.withSession(() -> journal.cashMovements(caller.tenancy(), from, to, interval));
    }
}
