package ng.risiti.invoice.invoices.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.rest.Change;

/**
 * What a PATCH of a draft asks to change; a null field is absent (unchanged). {@code lines} replace every line;
 * {@code notes} and {@code whtRateId} may be changed to null (cleared, no WHT).
 */
public record DraftChanges(Change<UUID> customerId, Change<LocalDate> issueDate, Change<LocalDate> dueDate,
        Change<List<NewInvoice.Line>> lines, Change<String> notes, Change<UUID> whtRateId) {

    public boolean none() {
        return customerId == null && issueDate == null && dueDate == null && lines == null && notes == null && whtRateId == null;
    }
}
