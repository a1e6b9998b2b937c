package ng.risiti.invoice.journal.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.platform.security.Tenancy;

/**
 * Collects the debits and credits of one entry, netting each account to one line (a posting that both debits and
 * credits VAT Payable shows the difference), and skipping zero amounts; {@link #entry} is empty when nothing moved.
 */
public final class Posting {

    private final Map<Account, Long> net = new EnumMap<>(Account.class);

    public Posting debit(Account account, Kobo amount) {
        return add(account, amount.value());
    }

    public Posting credit(Account account, Kobo amount) {
        return add(account, -amount.value());
    }

    private Posting add(Account account, long signed) {
        net.merge(account, signed, Math::addExact);
        return this;
    }

    public Optional<JournalEntry> entry(UUID id, Tenancy tenancy, LocalDate date, SourceType source, UUID sourceId, UUID invoiceId,
            UUID expenseId, String memo, OffsetDateTime at) {
        List<JournalLine> lines = new ArrayList<>();
        net.forEach((account, amount) -> {
            if (amount > 0) {
                lines.add(new JournalLine(account, Kobo.of(amount), Kobo.ZERO));
            } else if (amount < 0) {
                lines.add(new JournalLine(account, Kobo.ZERO, Kobo.of(-amount)));
            }
        });
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JournalEntry(id, tenancy, date, source, sourceId, invoiceId, expenseId, null, memo, at, lines));
    }
}
