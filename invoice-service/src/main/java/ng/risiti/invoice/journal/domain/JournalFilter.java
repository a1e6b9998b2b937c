package ng.risiti.invoice.journal.domain;

import java.time.LocalDate;

/** The journal list's filters: entry dates from and to (both included), and the kind of source; each may be null. */
public record JournalFilter(LocalDate from, LocalDate to, SourceType source) {
}
