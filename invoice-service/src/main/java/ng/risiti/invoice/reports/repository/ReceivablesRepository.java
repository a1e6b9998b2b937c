package ng.risiti.invoice.reports.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.reports.domain.OpenReceivable;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/**
 * The issued invoices with an amount due, read from the invoices themselves: the ageing needs each one's due date,
 * which the journal does not keep. Their amounts due add up to the Trade Debtors balance (ReportsCrossCheckTests).
 */
@ApplicationScoped
public class ReceivablesRepository {

    /** The tenancy's open invoices, issued from {@code from} to {@code to} (both included; null is open). */
    public Uni<List<OpenReceivable>> open(Tenancy tenancy, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("""
                select id, customer_id, customer_name, due_date, amount_due_kobo from invoices
                where tenant_id = $1 and test_mode = $2 and type = 'INVOICE' and amount_due_kobo > 0 and deleted_at is null
                  and status not in ('DRAFT', 'CANCELLED')""");
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test()));
        if (from != null) {
            parameters.add(from);
            sql.append(" and issue_date >= $").append(parameters.size());
        }
        if (to != null) {
            parameters.add(to);
            sql.append(" and issue_date <= $").append(parameters.size());
        }
        return SessionSql.rows(sql.toString(), parameters.toArray()).map(rows -> rows.stream()
                .map(row -> new OpenReceivable((UUID) row[0], (UUID) row[1], (String) row[2], date(row[3]), Kobo.of(((Number) row[4]).longValue())))
                .toList());
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
