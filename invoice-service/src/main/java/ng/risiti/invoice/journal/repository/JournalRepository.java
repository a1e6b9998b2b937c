package ng.risiti.invoice.journal.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.journal.domain.Account;
import ng.risiti.invoice.journal.domain.AccountBalance;
import ng.risiti.invoice.journal.domain.CashMovement;
import ng.risiti.invoice.journal.domain.JournalEntry;
import ng.risiti.invoice.journal.domain.JournalFilter;
import ng.risiti.invoice.journal.domain.JournalLine;
import ng.risiti.invoice.journal.domain.OpenBalances;
import ng.risiti.invoice.journal.domain.SourceType;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/**
 * The journal's SQL, in the caller's transaction. Entries are only ever inserted (V13 refuses updates and deletes, and
 * any entry whose lines do not balance at commit); every read filters on the tenancy.
 */
@ApplicationScoped
public class JournalRepository {

    private static final String ENTRY_COLUMNS =
            "e.id, e.tenant_id, e.test_mode, e.entry_date, e.source_type, e.source_id, e.invoice_id, e.expense_id, e.reverses_entry_id, e.memo, e.created_at";

    /**
     * Inserts the entry and its lines; false (and nothing written) when an entry of the same source is already there:
     * the same event applied twice posts once.
     */
    public Uni<Boolean> insert(JournalEntry entry) {
        return SessionSql.rows("""
                        insert into journal_entries (id, tenant_id, test_mode, entry_date, source_type, source_id, invoice_id, expense_id,
                                                     reverses_entry_id, memo, created_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        on conflict (tenant_id, test_mode, source_type, source_id) do nothing returning id""",
                        entry.id(), entry.tenancy().tenantId(), entry.tenancy().test(), entry.date(), entry.source().wireName(), entry.sourceId(),
                        entry.invoiceId(), entry.expenseId(), entry.reversesEntryId(), entry.memo(), entry.createdAt())
                .flatMap(inserted -> inserted.isEmpty() ? Uni.createFrom().item(false) : insertLines(entry).replaceWith(true));
    }

    private Uni<Integer> insertLines(JournalEntry entry) {
        StringBuilder sql = new StringBuilder("insert into journal_lines (entry_id, position, account_code, debit_kobo, credit_kobo) values ");
        List<Object> parameters = new ArrayList<>();
        parameters.add(entry.id());
        for (int i = 0; i < entry.lines().size(); i++) {
            JournalLine line = entry.lines().get(i);
            int at = parameters.size();
            sql.append(i == 0 ? "" : ", ").append("($1, ").append(i).append(", $").append(at + 1).append(", $").append(at + 2)
                    .append(", $").append(at + 3).append(')');
            parameters.add(line.account().code());
            parameters.add(line.debit().value());
            parameters.add(line.credit().value());
        }
        return SessionSql.update(sql.toString(), parameters.toArray());
    }

    /** The invoice's open Trade Debtors and VAT Provision balances, from every entry posted for it so far. */
    public Uni<OpenBalances> openBalances(Tenancy tenancy, UUID invoiceId) {
        return SessionSql.rows("""
                select coalesce(sum(case when l.account_code = '1100' then l.debit_kobo - l.credit_kobo end), 0)::bigint,
                       coalesce(sum(case when l.account_code = '2100' then l.credit_kobo - l.debit_kobo end), 0)::bigint
                from journal_entries e join journal_lines l on l.entry_id = e.id
                where e.invoice_id = $1 and e.tenant_id = $2 and e.test_mode = $3""", invoiceId, tenancy.tenantId(), tenancy.test())
                .map(rows -> new OpenBalances(Kobo.of(((Number) rows.getFirst()[0]).longValue()), Kobo.of(((Number) rows.getFirst()[1]).longValue())));
    }

    /** Which of these sources already have their entry. */
    public Uni<Set<UUID>> posted(Tenancy tenancy, SourceType source, Collection<UUID> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder in = new StringBuilder();
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test(), source.wireName()));
        for (UUID id : sourceIds) {
            in.append(in.isEmpty() ? "$" : ", $").append(parameters.size() + 1);
            parameters.add(id);
        }
        return SessionSql.rows("select source_id from journal_entries where tenant_id = $1 and test_mode = $2 and source_type = $3 and source_id in ("
                + in + ")", parameters.toArray()).map(rows -> {
                    Set<UUID> found = new HashSet<>();
                    rows.forEach(row -> found.add((UUID) row[0]));
                    return found;
                });
    }

    /** One page of entries with their lines, newest posted first; {@code after} is the previous page's last id. */
    public Uni<List<JournalEntry>> page(Tenancy tenancy, JournalFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("e.tenant_id = $1 and e.test_mode = $2");
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test()));
        if (filter.from() != null) {
            parameters.add(filter.from());
            where.append(" and e.entry_date >= $").append(parameters.size());
        }
        if (filter.to() != null) {
            parameters.add(filter.to());
            where.append(" and e.entry_date <= $").append(parameters.size());
        }
        if (filter.source() != null) {
            parameters.add(filter.source().wireName());
            where.append(" and e.source_type = $").append(parameters.size());
        }
        if (page.after("id") != null) {
            parameters.add(UUID.fromString(page.after("id")));
            where.append(" and e.id < $").append(parameters.size());
        }
        parameters.add(page.fetchSize());
        return withLines("select " + ENTRY_COLUMNS + " from journal_entries e where " + where + " order by e.id desc limit $" + parameters.size(),
                "order by p.id desc", parameters.toArray());
    }

    /** The tenant's entry with this id, or null. */
    public Uni<JournalEntry> find(Tenancy tenancy, UUID id) {
        return withLines("select " + ENTRY_COLUMNS + " from journal_entries e where e.id = $1 and e.tenant_id = $2 and e.test_mode = $3",
                "", id, tenancy.tenantId(), tenancy.test()).map(entries -> entries.isEmpty() ? null : entries.getFirst());
    }

    /** Debits and credits per account over the entries dated up to {@code asOf} (all when null), accounts with any line. */
    public Uni<List<AccountBalance>> balances(Tenancy tenancy, LocalDate asOf) {
        return movements(tenancy, null, asOf);
    }

    /**
     * Debits and credits per account over the entries dated from {@code from} to {@code to} (both included; either
     * null is open), accounts with any line: a period's movements, which the reports are read from.
     */
    public Uni<List<AccountBalance>> movements(Tenancy tenancy, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("""
                select l.account_code, sum(l.debit_kobo)::bigint, sum(l.credit_kobo)::bigint
                from journal_entries e join journal_lines l on l.entry_id = e.id
                where e.tenant_id = $1 and e.test_mode = $2""");
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test()));
        dates(sql, parameters, from, to);
        sql.append(" group by l.account_code order by l.account_code");
        return SessionSql.rows(sql.toString(), parameters.toArray()).map(rows -> rows.stream()
                .map(row -> new AccountBalance(account((String) row[0]), Kobo.of(((Number) row[1]).longValue()), Kobo.of(((Number) row[2]).longValue())))
                .toList());
    }

    /**
     * Money into and out of Bank and Cash per period ({@code day}, {@code week} from Monday, {@code month}) and kind of
     * source, over the entries dated from {@code from} to {@code to}: debits less credits, so money in is positive.
     */
    public Uni<List<CashMovement>> cashMovements(Tenancy tenancy, LocalDate from, LocalDate to, String interval) {
        if (!List.of("day", "week", "month").contains(interval)) {
            throw new IllegalArgumentException("interval " + interval);
        }
        StringBuilder sql = new StringBuilder("select date_trunc('" + interval + "', e.entry_date)::date, e.source_type, "
                + "sum(l.debit_kobo - l.credit_kobo)::bigint from journal_entries e join journal_lines l on l.entry_id = e.id"
                + " where e.tenant_id = $1 and e.test_mode = $2 and l.account_code in ('" + Account.BANK.code() + "', '" + Account.CASH.code() + "')");
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test()));
        dates(sql, parameters, from, to);
        sql.append(" group by 1, 2 order by 1, 2");
        return SessionSql.rows(sql.toString(), parameters.toArray()).map(rows -> rows.stream()
                .map(row -> new CashMovement(date(row[0]), SourceType.parse((String) row[1]).orElseThrow(), Kobo.of(((Number) row[2]).longValue())))
                .toList());
    }

    private static void dates(StringBuilder sql, List<Object> parameters, LocalDate from, LocalDate to) {
        if (from != null) {
            parameters.add(from);
            sql.append(" and e.entry_date >= $").append(parameters.size());
        }
        if (to != null) {
            parameters.add(to);
            sql.append(" and e.entry_date <= $").append(parameters.size());
        }
    }

    private Uni<List<JournalEntry>> withLines(String entries, String order, Object... parameters) {
        String sql = "with p as (" + entries + ") select p.*, l.position, l.account_code, l.debit_kobo, l.credit_kobo"
                + " from p join journal_lines l on l.entry_id = p.id " + (order.isEmpty() ? "order by" : order + ",") + " l.position";
        return SessionSql.rows(sql, parameters).map(rows -> {
            Map<UUID, Object[]> heads = new LinkedHashMap<>();
            Map<UUID, List<JournalLine>> lines = new LinkedHashMap<>();
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                heads.putIfAbsent(id, row);
                lines.computeIfAbsent(id, ignored -> new ArrayList<>()).add(new JournalLine(account((String) row[12]),
                        Kobo.of(((Number) row[13]).longValue()), Kobo.of(((Number) row[14]).longValue())));
            }
            List<JournalEntry> result = new ArrayList<>();
            heads.forEach((id, row) -> result.add(new JournalEntry(id, new Tenancy((UUID) row[1], (Boolean) row[2]), date(row[3]),
                    SourceType.parse((String) row[4]).orElseThrow(), (UUID) row[5], (UUID) row[6], (UUID) row[7], (UUID) row[8], (String) row[9],
                    (OffsetDateTime) row[10], lines.get(id))));
            return result;
        });
    }

    private static Account account(String code) {
        return Account.ofCode(code).orElseThrow(() -> new IllegalStateException("account " + code + " is in ledger_accounts but not in Account"));
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
