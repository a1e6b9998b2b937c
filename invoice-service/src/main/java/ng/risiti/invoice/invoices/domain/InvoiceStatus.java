package ng.risiti.invoice.invoices.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import ng.risiti.platform.error.ApiException;

/**
 * The invoice lifecycle of docs/specification.md (Invoices), one state machine for both API dialects:
 * draft → finalized → sent → partial → paid; finalized/sent/partial → cancelled; finalized/sent → firs_submission_failed.
 * Overdue is not a status: it is a flag on an open invoice (see {@code Invoice.overdue()}), so a payment or a void moves
 * an overdue invoice like any other.
 */
public enum InvoiceStatus {
    DRAFT,
    FINALIZED,
    SENT,
    PARTIAL,
    PAID,
    CANCELLED,
    FIRS_SUBMISSION_FAILED;

    private Set<InvoiceStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(FINALIZED);
            case FINALIZED -> EnumSet.of(SENT, PARTIAL, PAID, CANCELLED, FIRS_SUBMISSION_FAILED);
            case SENT -> EnumSet.of(PARTIAL, PAID, CANCELLED, FIRS_SUBMISSION_FAILED);
            case PARTIAL -> EnumSet.of(PAID, CANCELLED);
            case FIRS_SUBMISSION_FAILED -> EnumSet.of(FINALIZED, SENT, CANCELLED);
            case PAID, CANCELLED -> EnumSet.noneOf(InvoiceStatus.class);
        };
    }

    /** The new status, or 422 UNPROCESSABLE saying which status the invoice is in and why the move is not allowed. */
    public InvoiceStatus moveTo(InvoiceStatus target) {
        if (!next().contains(target)) {
            String reason = target == FINALIZED ? notDraft()
                    : this == target ? "Invoice is already " + wireName() + "."
                    : "Invoice is " + wireName() + "; it cannot become " + target.wireName() + ".";
            throw ApiException.unprocessable(reason);
        }
        return target;
    }

    public boolean editable() {
        return this == DRAFT;
    }

    /** Only a draft is edited or deleted: 422 UNPROCESSABLE naming the status otherwise. */
    public void requireEditable() {
        if (!editable()) {
            throw ApiException.unprocessable(notDraft());
        }
    }

    /** Finalized, sent or partially paid: issued and not yet settled or cancelled, so it can fall overdue. */
    public boolean open() {
        return this == FINALIZED || this == SENT || this == PARTIAL;
    }

    /** The API reference's words, and the status the invoice is in. */
    private String notDraft() {
        return "Invoice is not in draft status; it is " + wireName() + ".";
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
