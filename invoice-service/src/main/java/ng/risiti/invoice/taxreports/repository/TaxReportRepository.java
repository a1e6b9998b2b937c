package ng.risiti.invoice.taxreports.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.taxreports.domain.SalesByCategory;
import ng.risiti.invoice.taxreports.domain.TaxPeriod;
import ng.risiti.invoice.taxreports.domain.TaxReport;
import ng.risiti.invoice.taxreports.domain.TaxReportKind;
import ng.risiti.invoice.taxreports.domain.WhtDeduction;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/**
 * The stored tax reports, and what their figures are read from besides the journal: the VAT categories of issued
 * invoices' lines and the payments from which WHT was withheld. Every statement filters on the tenancy.
 */
@ApplicationScoped
public class TaxReportRepository {

    private static final String COLUMNS = "id, kind, period_from, period_to, period_month, version, figures::text, created_at";

    private final ObjectMapper json;

    public TaxReportRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The next version of this kind and period, taken under a transaction-scoped advisory lock on them: two generations
     * at once get two versions, never one twice.
     */
    public Uni<Integer> nextVersion(Tenancy tenancy, TaxReportKind kind, TaxPeriod period) {
        String key = "tax_reports:" + tenancy.tenantId() + ":" + tenancy.test() + ":" + kind.wireName() + ":" + period.from() + ":" + period.to();
        return SessionSql.rows("select pg_advisory_xact_lock(hashtextextended($1, 0))", key)
                .flatMap(locked -> SessionSql.value(Integer.class, """
                        select coalesce(max(version), 0) + 1 from tax_reports
                        where tenant_id = $1 and test_mode = $2 and kind = $3 and period_from = $4 and period_to = $5""",
                        tenancy.tenantId(), tenancy.test(), kind.wireName(), period.from(), period.to()));
    }

    public Uni<Void> insert(Tenancy tenancy, TaxReport report) {
        return SessionSql.update("""
                insert into tax_reports (id, tenant_id, test_mode, kind, period_from, period_to, period_month, version, figures, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10)""", report.id(), tenancy.tenantId(), tenancy.test(), report.kind().wireName(),
                report.period().from(), report.period().to(), report.period().month(), report.version(), report.figures().toString(),
                report.createdAt()).replaceWithVoid();
    }

    /** Newest generated first; {@code after} is the previous page's last id; {@code kind} may be null. */
    public Uni<List<TaxReport>> page(Tenancy tenancy, TaxReportKind kind, PageRequest page) {
        StringBuilder where = new StringBuilder("tenant_id = $1 and test_mode = $2");
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test()));
        if (kind != null) {
            parameters.add(kind.wireName());
            where.append(" and kind = $").append(parameters.size());
        }
        if (page.after("id") != null) {
            parameters.add(UUID.fromString(page.after("id")));
            where.append(" and id < $").append(parameters.size());
        }
        parameters.add(page.fetchSize());
        return SessionSql.rows("select " + COLUMNS + " from tax_reports where " + where + " order by id desc limit $" + parameters.size(),
                parameters.toArray()).map(rows -> rows.stream().map(this::report).toList());
    }

    public Uni<TaxReport> find(Tenancy tenancy, UUID id) {
        return SessionSql.rows("select " + COLUMNS + " from tax_reports where id = $1 and tenant_id = $2 and test_mode = $3", id, tenancy.tenantId(),
                tenancy.test()).map(rows -> rows.isEmpty() ? null : report(rows.getFirst()));
    }

    /**
     * Net sales on zero-rated and exempt lines of the invoices issued in the period (finalized or later, not voided,
     * not deleted) less those of the credit notes issued in it.
     */
    public Uni<SalesByCategory> salesByCategory(Tenancy tenancy, TaxPeriod period) {
        return SessionSql.rows("""
                select coalesce(sum(case when l.vat_category = 'Z' then l.net_kobo * (case when i.type = 'CREDIT_NOTE' then -1 else 1 end) end), 0)::bigint,
                       coalesce(sum(case when l.vat_category = 'E' then l.net_kobo * (case when i.type = 'CREDIT_NOTE' then -1 else 1 end) end), 0)::bigint
                from invoices i join invoice_lines l on l.invoice_id = i.id
                where i.tenant_id = $1 and i.test_mode = $2 and i.deleted_at is null and i.issue_date between $3 and $4
                  and (i.type = 'CREDIT_NOTE' or i.status not in ('DRAFT', 'CANCELLED'))""",
                tenancy.tenantId(), tenancy.test(), period.from(), period.to())
                .map(rows -> new SalesByCategory(Kobo.of(((Number) rows.getFirst()[0]).longValue()), Kobo.of(((Number) rows.getFirst()[1]).longValue())));
    }

    /** The payments dated in the period from which the payer withheld WHT, oldest first. */
    public Uni<List<WhtDeduction>> whtDeductions(Tenancy tenancy, TaxPeriod period) {
        return SessionSql.rows("""
                select p.id, p.receipt_number, p.paid_on, i.invoice_number, i.customer_name, i.customer_tin, p.amount_kobo + p.wht_withheld_kobo,
                       p.wht_withheld_kobo
                from payments p join invoices i on i.id = p.invoice_id
                where p.tenant_id = $1 and p.test_mode = $2 and p.wht_withheld_kobo > 0 and p.paid_on between $3 and $4
                order by p.paid_on, p.id""", tenancy.tenantId(), tenancy.test(), period.from(), period.to())
                .map(rows -> rows.stream().map(row -> new WhtDeduction((UUID) row[0], (String) row[1], date(row[2]), (String) row[3], (String) row[4],
                        (String) row[5], Kobo.of(((Number) row[6]).longValue()), Kobo.of(((Number) row[7]).longValue()))).toList());
    }

    private TaxReport report(Object[] row) {
        try {
            return new TaxReport((UUID) row[0], TaxReportKind.parse((String) row[1]).orElseThrow(),
                    new TaxPeriod(date(row[2]), date(row[3]), (String) row[4]), ((Number) row[5]).intValue(), json.readTree((String) row[6]),
                    (OffsetDateTime) row[7]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tax report " + row[0] + " holds figures that are not JSON", e);
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
