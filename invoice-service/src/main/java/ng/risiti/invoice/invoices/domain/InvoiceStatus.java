package ng.risiti.invoice.invoices.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import ng.risiti.platform.error.ApiException;

/**
 * The invoice lifecycle of docs/specification.md (Invoices), one state machine for both API dialects:
 * draft → finalized → sent → partial → paid; finalized/sent/partial → cancelled; finalized/sent → firs_submission_failed.
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

    /** The new status, or 422 UNPROCESSABLE naming why the move is not allowed. */
    public InvoiceStatus moveTo(InvoiceStatus target) {
        if (!next().contains(target)) {
            String reason = this == DRAFT || target == FINALIZED ? "Invoice is not in draft status." : "Invoice is " + wireName() + "; it cannot become " + target.wireName() + ".";
            throw ApiException.unprocessable(reason);
        }
        return target;
    }

    public boolean editable() {
        return this == DRAFT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
