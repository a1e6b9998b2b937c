package ng.risiti.invoice.creditnotes.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;

/** A credit note to issue: {@code amount} or {@code lines} or neither (all that is still creditable). */
public record CreditRequest(String reason, Kobo amount, List<Line> lines) {

    public record Line(UUID lineId, BigDecimal quantity) {
    }
}
