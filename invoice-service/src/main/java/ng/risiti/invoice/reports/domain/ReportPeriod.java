package ng.risiti.invoice.reports.domain;

import java.time.LocalDate;

/**
 * A report's {@code from} and {@code to} (entry dates, both included; either may be null: open) and its currency,
 * NGN: invoices are issued in naira only, so the books hold naira only.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String currency) {
}
