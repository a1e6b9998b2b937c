package ng.risiti.invoice.invoices.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The filters of {@code GET /api/v1/invoices} (docs/specification.md, Invoices), already validated; a null field does
 * not filter. {@code overdue} stands in for a status: finalized, sent or partially paid, amount due above zero, due
 * before today in Lagos. {@code from} and {@code to} are issue dates, both included. {@code text} (the {@code q}
 * parameter) matches an invoice number's beginning or a customer's name anywhere in it, case aside. {@code notOverdue}
 * leaves the overdue ones out (the Finora dialect shows them as {@code overdue}, not as their status).
 */
public record InvoiceListFilter(InvoiceStatus status, boolean overdue, UUID customerId, LocalDate from, LocalDate to, String text,
        InvoiceType type, boolean notOverdue) {

    public static final InvoiceListFilter NONE = new InvoiceListFilter(null, false, null, null, null, null, null, false);

    public InvoiceListFilter(InvoiceStatus status, boolean overdue, UUID customerId, LocalDate from, LocalDate to, String text,
            InvoiceType type) {
        this(status, overdue, customerId, from, to, text, type, false);
    }

    public boolean filters() {
        return !equals(NONE);
    }

    /**
     * Whether the best plan depends on the values: a date range may hold a day or years, a text one invoice or all of
     * them, and PostgreSQL's generic plan of a prepared statement cannot tell. Statuses and types are written into the
     * SQL, and a customer's id or today's date plan the same whatever they are.
     */
    public boolean planPerValue() {
        return from != null || to != null || text != null;
    }
}
