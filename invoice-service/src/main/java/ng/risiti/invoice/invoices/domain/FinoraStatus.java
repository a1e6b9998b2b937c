package ng.risiti.invoice.invoices.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An invoice's status in the Finora dialect (docs/specification.md, statuses): the same state machine under seed
 * 001's names. {@code unsent} is finalized and not yet sent (or waiting for a successful NRS submission), and an open
 * invoice past its due date (Lagos) with an amount due is {@code overdue} rather than its status.
 */
public enum FinoraStatus {
    DRAFT,
    UNSENT,
    SENT,
    PARTIALLY_PAID,
    PAID,
    OVERDUE,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FinoraStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst();
    }

    public static FinoraStatus of(Invoice invoice, LocalDate today) {
        if (invoice.status.open() && invoice.amountDue.value() > 0 && invoice.dueDate != null && invoice.dueDate.isBefore(today)) {
            return OVERDUE;
        }
        return switch (invoice.status) {
            case DRAFT -> DRAFT;
            case FINALIZED, FIRS_SUBMISSION_FAILED -> UNSENT;
            case SENT -> SENT;
            case PARTIAL -> PARTIALLY_PAID;
            case PAID -> PAID;
            case CANCELLED -> CANCELLED;
        };
    }

    /** The invoice list's filter that finds the invoices showing this status. */
    public InvoiceListFilter filter() {
        return switch (this) {
            case DRAFT -> only(InvoiceStatus.DRAFT, false);
            case UNSENT -> only(InvoiceStatus.FINALIZED, true);
            case SENT -> only(InvoiceStatus.SENT, true);
            case PARTIALLY_PAID -> only(InvoiceStatus.PARTIAL, true);
            case PAID -> only(InvoiceStatus.PAID, false);
            case CANCELLED -> only(InvoiceStatus.CANCELLED, false);
            case OVERDUE -> new InvoiceListFilter(null, true, null, null, null, null, InvoiceType.INVOICE, false);
        };
    }

    private static InvoiceListFilter only(InvoiceStatus status, boolean notOverdue) {
        return new InvoiceListFilter(status, false, null, null, null, null, InvoiceType.INVOICE, notOverdue);
    }
}
