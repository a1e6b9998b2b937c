package ng.risiti.invoice.expenses.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.journal.domain.Account;
import ng.risiti.invoice.journal.domain.JournalEntry;
import ng.risiti.invoice.journal.domain.Posting;
import ng.risiti.invoice.journal.domain.SourceType;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.platform.security.Tenancy;

/**
 * Money a tenant spent: {@code amount} is net of VAT (what the expense account takes), {@code vat} the input VAT beside
 * it; the payment left the bank (or the till, for cash) with both. Its books are one journal entry at a time
 * ({@code journalEntryId}); changing what it posts reverses that entry and posts a new one.
 */
@Entity
@Table(name = "expenses")
public class Expense extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "test_mode")
    public boolean testMode;
    @Column(name = "expense_date")
    public LocalDate date;
    public String supplier;
    @Enumerated(EnumType.STRING)
    public ExpenseCategory category;
    @Column(name = "amount_kobo")
    public Kobo amount;
    @Column(name = "vat_kobo")
    public Kobo vat;
    @Column(name = "payment_means_code")
    public PaymentMethod method;
    public String reference;
    public String notes;
    @Column(name = "journal_entry_id")
    public UUID journalEntryId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
    @Version
    public long version;

    public Kobo total() {
        return amount.plus(vat);
    }

    /** DR the category's expense account (net) + DR Input VAT / CR Bank, or Cash when paid in cash. */
    public JournalEntry posting(UUID entryId, OffsetDateTime at) {
        return new Posting().debit(category.account(), amount).debit(Account.INPUT_VAT, vat)
                .credit(method == PaymentMethod.CASH ? Account.CASH : Account.BANK, total())
                .entry(entryId, new Tenancy(tenantId, testMode), date, SourceType.EXPENSE, entryId, null, id,
                        "Expense: " + supplier + " (" + category.wireName() + ")", at)
                .orElseThrow();
    }
}
