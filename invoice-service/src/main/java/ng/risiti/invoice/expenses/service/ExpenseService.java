package ng.risiti.invoice.expenses.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.expenses.domain.Expense;
import ng.risiti.invoice.expenses.domain.ExpenseCategory;
import ng.risiti.invoice.expenses.repository.ExpenseRepository;
import ng.risiti.invoice.journal.service.JournalPostings;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;

/**
 * Expenses and their books (docs/specification.md, Expenses). Each write posts in its own transaction: a new expense
 * its entry; a change of anything the entry carries the reversal of the current entry and a new one; a delete the
 * reversal. The expense's row lock makes concurrent changes take turns, so no entry is reversed twice.
 */
@ApplicationScoped
public class ExpenseService {

    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    private final ExpenseRepository expenses;
    private final JournalPostings journal;
    private final Clock clock;

    public ExpenseService(ExpenseRepository expenses, JournalPostings journal, Clock clock) {
        this.expenses = expenses;
        this.journal = journal;
        this.clock = clock;
    }

    /** Today in Lagos: an expense is never dated after it. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LAGOS);
    }

    public Uni<Expense> create(Caller caller, ExpenseFields fields) {
        return Panache.withTransaction(() -> {
            OffsetDateTime now = Clocks.now(clock);
            Expense expense = new Expense();
            expense.id = UuidV7.next();
            expense.tenantId = caller.tenantId();
            expense.testMode = caller.test();
            expense.date = fields.date();
            expense.supplier = fields.supplier();
            expense.category = fields.category();
            expense.amount = fields.amount();
            expense.vat = fields.vat();
            expense.method = fields.method();
            expense.reference = fields.reference() == null ? null : fields.reference().value();
            expense.notes = fields.notes() == null ? null : fields.notes().value();
            expense.createdAt = now;
            expense.updatedAt = now;
            return expenses.persist(expense).flatMap(saved -> postCurrent(saved, now));
        });
    }

    public Uni<Expense> get(Caller caller, UUID id) {
        return Panache.withSession(() -> expenses.findOwn(caller.tenancy(), id)).onItem().ifNull().failWith(() -> ApiException.notFound("Expense", id));
    }

    public Uni<List<Expense>> page(Caller caller, LocalDate from, LocalDate to, ExpenseCategory category, PageRequest page) {
        return Panache.withSession(() -> expenses.page(caller.tenancy(), from, to, category, page));
    }

    public Uni<Expense> update(Caller caller, UUID id, ExpenseFields changes) {
        return Panache.withTransaction(() -> expenses.lockOwn(caller.tenancy(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Expense", id))
                .flatMap(expense -> {
                    OffsetDateTime now = Clocks.now(clock);
                    boolean postsAgain = changes.postsAgain();
                    UUID previous = expense.journalEntryId;
                    if (changes.date() != null) {
                        expense.date = changes.date();
                    }
                    if (changes.supplier() != null) {
                        expense.supplier = changes.supplier();
                    }
                    if (changes.category() != null) {
                        expense.category = changes.category();
                    }
                    if (changes.amount() != null) {
                        expense.amount = changes.amount();
                    }
                    if (changes.vat() != null) {
                        expense.vat = changes.vat();
                    }
                    if (changes.method() != null) {
                        expense.method = changes.method();
                    }
                    if (changes.reference() != null) {
                        expense.reference = changes.reference().value();
                    }
                    if (changes.notes() != null) {
                        expense.notes = changes.notes().value();
                    }
                    expense.updatedAt = now;
                    if (!postsAgain) {
                        return expenses.flush().replaceWith(expense);
                    }
                    return journal.reverse(caller.tenancy(), previous, today(), "Reversal: expense " + expense.id + " changed")
                            .flatMap(ignored -> postCurrent(expense, now));
                }));
    }

    /** Soft: the row stays for the data export and the journal's links; its entry is reversed. */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withTransaction(() -> expenses.lockOwn(caller.tenancy(), id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Expense", id))
                .flatMap(expense -> {
                    expense.deletedAt = Clocks.now(clock);
                    expense.updatedAt = expense.deletedAt;
                    return journal.reverse(caller.tenancy(), expense.journalEntryId, today(), "Reversal: expense " + expense.id + " deleted")
                            .flatMap(ignored -> expenses.flush());
                }));
    }

    /** Posts the expense as it stands and makes that entry its current one. */
    private Uni<Expense> postCurrent(Expense expense, OffsetDateTime now) {
        UUID entryId = UuidV7.next();
        return journal.post(expense.posting(entryId, now)).flatMap(ignored -> {
            expense.journalEntryId = entryId;
            return expenses.flush().replaceWith(expense);
        });
    }
}
