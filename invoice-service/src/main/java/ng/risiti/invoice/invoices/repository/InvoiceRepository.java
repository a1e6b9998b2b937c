package ng.risiti.invoice.invoices.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.InvoiceListFilter;
import ng.risiti.platform.events.CompletingWrite;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;

/** Invoices, always read within one tenant and one world (live or test). */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    private static final String INSERT_LINES = """
            insert into invoice_lines (id, invoice_id, position, description, quantity, unit_price_kobo, discount_percent, tax_rate_id,
                tax_percent, net_kobo, tax_kobo, total_kobo, vat_category, hsn_code, product_category)
            values """;
    /** {@link #INSERT_LINES} for the lines of the row a completing write wrote: none when it wrote none. */
    private static final String INSERT_LINES_OF_COMPLETED = INSERT_LINES.replace("values", "select v.* from completed, (values");
    /**
     * A new draft's row with the snapshot of its customer ({@code $4}) as the customers replica holds it, and no row
     * when the replica does not hold that customer as a live customer of the tenant and world. {@code $3} is the
     * draft's own number, or null for the next free one of its world ({@code $15}), year ({@code $20}) and series
     * ({@code $21}), with the prefix of the tenant's invoice defaults from the tenants replica (INV until they reach
     * this service; test mode's series is TEST-<PREFIX>, apart from live). {@code coalesce} evaluates the counter only
     * for a draft without a number of its own, and only once the customer was found. The counter is per tenant, world
     * and year whatever the prefix, so a new prefix continues the count.
     */
    private static final String INSERT_DRAFT = """
            insert into invoices (id, tenant_id, invoice_number, customer_id, customer_name, customer_tin, customer_email, status,
                currency, issue_date, due_date, notes, subtotal_kobo, tax_total_kobo, total_kobo, amount_due_kobo, public_token,
                test_mode, created_at, updated_at, version, customer_phone, customer_street, customer_city, customer_postal_zone,
                customer_country, wht_rate_id, wht_percent, wht_kobo)
            select $1, $2, coalesce($3, next_invoice_number($2, $15, $20,
                    case when $15 then 'TEST-' else '' end
                        || coalesce((select nullif(rtrim(number_prefix, '-'), '') from known_tenants where id = $2), 'INV') || '-', $21)),
                c.id, c.name, c.tin, c.email, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, 0, c.phone, c.street_name,
                c.city_name, c.postal_zone, c.country, $17, $18, $19
            from known_customers c
            where c.id = $4 and c.tenant_id = $2 and c.test_mode = $15 and not c.deleted
            returning invoice_number, customer_name, customer_tin, customer_email, customer_phone, customer_street, customer_city,
                customer_postal_zone, customer_country""";
    /** What {@link #INSERT_DRAFT} returns, in order; the first three are fields of the invoice's events too. */
    private static final List<String> DRAFT_RETURNS = List.of("invoice_number", "customer_name", "customer_tin", "customer_email",
            "customer_phone", "customer_street", "customer_city", "customer_postal_zone", "customer_country");
    /** The types of a line's columns, in {@link #INSERT_LINES}' order: a VALUES list read by a select is typed by them. */
    private static final List<String> LINE_TYPES = List.of("uuid", "uuid", "integer", "text", "numeric", "bigint", "numeric", "uuid", "numeric",
            "bigint", "bigint", "bigint", "text", "text", "text");
    /** A line's own values; its invoice_id is $1. */
    private static final int LINE_PARAMETERS = 14;
    /**
     * Invoices owed now: finalized, sent or partially paid, with an amount due (overdue once past their due date).
     * Written as V7's partial index {@code invoices_tenant_open} has it, so the planner can use that index.
     */
    public static final String OPEN = "type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL') and amount_due_kobo > 0";

    /** The invoice, unless it is another tenant's or world's, or was deleted (a deleted draft answers as an unknown id). */
    public Uni<Invoice> findForTenant(Tenancy tenancy, UUID id) {
        return find("tenantId = :tenant and testMode = :test and id = :id and deletedAt is null", scope(tenancy).and("id", id)).firstResult();
    }

    /**
     * The invoice behind a public pay-page token, whoever's it is: the unguessable token is the access control
     * (docs/specification.md, Hosted payment page). Credit notes and deleted drafts have no page.
     */
    public Uni<Invoice> findByPublicToken(UUID token) {
        return find("publicToken = ?1 and type = ?2 and deletedAt is null", token, ng.risiti.invoice.invoices.domain.InvoiceType.INVOICE)
                .firstResult();
    }

    /** The credit notes issued against an invoice, oldest first (the journal posts each once, in this order). */
    public Uni<List<Invoice>> creditNotesOf(Tenancy tenancy, UUID originalId) {
        return find("tenantId = :tenant and testMode = :test and originalInvoiceId = :original order by id", scope(tenancy).and("original", originalId))
                .list();
    }

    /**
     * The invoice, its row locked until the transaction ends: concurrent credit notes (and, later, payments) against
     * one invoice take turns, and each sees what the one before it committed.
     */
    public Uni<Invoice> lockForTenant(Tenancy tenancy, UUID id) {
        return SessionSql.rows("select id from invoices where id = $1 and tenant_id = $2 and test_mode = $3 and deleted_at is null for update",
                        id, tenancy.tenantId(), tenancy.test())
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().nullItem() : findForTenant(tenancy, id));
    }

    /** The next free number of a series (credit notes: CN-YYYY-NNN) in the invoice's world and year. */
    public Uni<String> nextNumber(Invoice invoice, String prefix) {
        return SessionSql.value(String.class, "select next_invoice_number($1, $2, $3, $4, $5)",
                invoice.tenantId, invoice.testMode, invoice.issueDate.getYear(), prefix, invoice.type.wireName());
    }

    /**
     * Newest first, filtered; {@code after} is the id of the last invoice of the previous page, so a cursor stays valid
     * with the same filters. A filtered page's ids come first, from the indexes alone where V7 gives one (the overdue
     * list skips the not-yet-due open invoices without reading them), then the page's invoices by id.
     */
    public Uni<List<Invoice>> page(Tenancy tenancy, InvoiceListFilter filter, LocalDate today, PageRequest page) {
        if (!filter.filters()) {
            // the tenant's index gives this order itself: one statement
            String after = page.after("id");
            return after == null
                    ? find("tenantId = :tenant and testMode = :test and deletedAt is null order by id desc", scope(tenancy))
                            .page(0, page.fetchSize()).list()
                    : find("tenantId = :tenant and testMode = :test and deletedAt is null and id < :after order by id desc",
                            scope(tenancy).and("after", UUID.fromString(after))).page(0, page.fetchSize()).list();
        }
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test()));
        StringBuilder where = new StringBuilder("tenant_id = $1 and test_mode = $2 and deleted_at is null");
        // statuses and types are enum names, written into the SQL so that the partial indexes' predicates match
        if (filter.status() != null) {
            where.append(" and status = '").append(filter.status().name()).append('\'');
        }
        if (filter.overdue()) {
            where.append(" and ").append(OPEN).append(" and due_date < ").append(parameter(parameters, today));
        }
        if (filter.notOverdue()) {
            where.append(" and not (").append(OPEN).append(" and due_date < ").append(parameter(parameters, today)).append(')');
        }
        if (filter.type() != null) {
            where.append(" and type = '").append(filter.type().name()).append('\'');
        }
        if (filter.customerId() != null) {
            where.append(" and customer_id = ").append(parameter(parameters, filter.customerId()));
        }
        if (filter.from() != null) {
            where.append(" and issue_date >= ").append(parameter(parameters, filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and issue_date <= ").append(parameter(parameters, filter.to()));
        }
        if (page.after("id") != null) {
            where.append(" and id < ").append(parameter(parameters, UUID.fromString(page.after("id"))));
        }
        String limit = " order by id desc limit " + parameter(parameters, page.fetchSize());
        String sql;
        if (filter.text() == null) {
            sql = "select id from invoices where " + where + limit;
        } else {
            // two branches, each on its own index, rather than one OR that no index serves: the number's beginning, and
            // the customers whose name (as the replica of customers has it now) contains the text
            String text = filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            String number = parameter(parameters, text + "%");
            String name = parameter(parameters, "%" + text + "%");
            sql = "select id from ((select id from invoices where " + where + " and lower(invoice_number) like " + number + limit
                    + ") union (select id from invoices where " + where
                    + " and customer_id in (select k.id from known_customers k where k.tenant_id = $1 and k.test_mode = $2 and lower(k.name) like "
                    + name + ")" + limit + ")) matched" + limit;
        }
        Uni<Void> plan = filter.planPerValue() ? SessionSql.update("set local plan_cache_mode = force_custom_plan").replaceWithVoid()
                : Uni.createFrom().voidItem();
        return plan.chain(() -> SessionSql.rows(sql, parameters.toArray()))
                .map(rows -> rows.stream().map(row -> (UUID) row[0]).toList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Invoice>of())
                        : list("id in ?1", ids).map(found -> {
                            Map<UUID, Invoice> byId = new HashMap<>();
                            found.forEach(invoice -> byId.put(invoice.id, invoice));
                            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
                        }));
    }

    private static String parameter(List<Object> parameters, Object value) {
        parameters.add(value);
        return "$" + parameters.size();
    }

    /**
     * A new draft, its lines and (through {@link ng.risiti.platform.events.Outbox#emitCompleting}) its event, as one
     * statement returning {@link #DRAFT_RETURNS}: its number (its own, where a taken one fails on the unique
     * constraint, or the next free one) and its customer's snapshot, read from the replica in the same statement. No
     * row, and nothing written, when the replica does not hold the customer as the tenant's ({@link #INSERT_DRAFT}).
     * Taking a number locks the tenant's counter row until the commit, so every create of the tenant queues on it. Run
     * outside a transaction, the statement commits by itself and nothing of ours runs between the lock and the commit;
     * in two statements, the lock was also held while invoice-service's event loop woke to send {@code COMMIT} (tens of
     * milliseconds on a busy machine, with the tenant's other creates waiting; bench/README.md).
     */
    public CompletingWrite newDraft(Invoice invoice) {
        // $3 may be null (no number of its own): Arrays.asList takes nulls, List.of does not
        List<Object> parameters = new ArrayList<>(Arrays.asList(invoice.id, invoice.tenantId, invoice.invoiceNumber, invoice.customerId,
                invoice.status.name(), invoice.currency, invoice.issueDate, invoice.dueDate, invoice.notes, invoice.subtotal.value(),
                invoice.taxTotal.value(), invoice.total.value(), invoice.amountDue.value(), invoice.publicToken, invoice.testMode,
                invoice.createdAt, invoice.whtRateId, invoice.whtPercent, invoice.wht.value(), invoice.issueDate.getYear(),
                invoice.type.wireName()));
        // a new invoice has at least one line (the requests require one, a clone copies its original's); only a written
        // invoice gets them, so they are read from completed, and a VALUES list read by a select is typed by its first row
        StringBuilder lines = new StringBuilder("lines as (").append(INSERT_LINES_OF_COMPLETED);
        appendLines(lines, parameters, invoice.lines, true);
        return new CompletingWrite(INSERT_DRAFT, parameters, DRAFT_RETURNS.subList(0, 3), lines.append(") v)").toString());
    }

    /** The number and the customer's snapshot that {@link #newDraft}'s statement wrote, onto the draft. */
    public static void fillFromDraftRow(Invoice invoice, Object[] row) {
        invoice.invoiceNumber = (String) row[0];
        invoice.customerName = (String) row[1];
        invoice.customerTin = (String) row[2];
        invoice.customerEmail = (String) row[3];
        invoice.customerPhone = (String) row[4];
        invoice.customerStreet = (String) row[5];
        invoice.customerCity = (String) row[6];
        invoice.customerPostalZone = (String) row[7];
        invoice.customerCountry = (String) row[8];
    }

    /**
     * Writes a changed draft back: its row (only while it is still this version of a draft) and, when they changed, its
     * lines, all replaced. Plain SQL on a detached invoice, not a flush: Hibernate Reactive's delete coordinator shares
     * state between sessions (hibernate-reactive#1713), so the orphan-line deletes of concurrent PATCHes ran callbacks
     * on another session's thread (HR000069), failed, and left the transaction open holding the invoice's row lock.
     */
    public Uni<Invoice> saveDraft(Invoice invoice, boolean linesReplaced) {
        Uni<Integer> row = SessionSql.update("""
                        update invoices set customer_id = $2, customer_name = $3, customer_tin = $4, customer_email = $5, customer_phone = $6,
                            customer_street = $7, customer_city = $8, customer_postal_zone = $9, customer_country = $10, issue_date = $11,
                            due_date = $12, notes = $13, subtotal_kobo = $14, tax_total_kobo = $15, total_kobo = $16, amount_due_kobo = $17,
                            wht_rate_id = $18, wht_percent = $19, wht_kobo = $20, updated_at = $21, version = version + 1
                        where id = $1 and version = $22 and status = 'DRAFT' and deleted_at is null""",
                invoice.id, invoice.customerId, invoice.customerName, invoice.customerTin, invoice.customerEmail, invoice.customerPhone,
                invoice.customerStreet, invoice.customerCity, invoice.customerPostalZone, invoice.customerCountry, invoice.issueDate,
                invoice.dueDate, invoice.notes, invoice.subtotal.value(), invoice.taxTotal.value(), invoice.total.value(),
                invoice.amountDue.value(), invoice.whtRateId, invoice.whtPercent, invoice.wht.value(), invoice.updatedAt, invoice.version);
        return row.flatMap(updated -> {
            if (updated != 1) {
                // the caller holds the row lock, so this is a defect, not a race: refuse rather than write over it
                return Uni.createFrom().failure(new IllegalStateException("draft " + invoice.id + " is not at version " + invoice.version));
            }
            invoice.version++;
            if (!linesReplaced) {
                return Uni.createFrom().item(invoice);
            }
            StringBuilder sql = new StringBuilder(INSERT_LINES);
            List<Object> parameters = new ArrayList<>(List.of(invoice.id));
            appendLines(sql, parameters, invoice.lines, false);
            return SessionSql.update("delete from invoice_lines where invoice_id = $1", invoice.id)
                    .chain(() -> SessionSql.update(sql.toString(), parameters.toArray()))
                    .replaceWith(invoice);
        });
    }

    /** The lines' value tuples, each with the invoice id as $1 (the first typed, if asked); appends their parameters. */
    private static void appendLines(StringBuilder sql, List<Object> parameters, List<InvoiceLine> lines, boolean typed) {
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            int p = parameters.size() + 1;
            boolean cast = typed && i == 0;
            sql.append(i == 0 ? "" : ", ").append("($").append(p).append(cast ? "::uuid" : "").append(", $1").append(cast ? "::uuid" : "");
            for (int column = 1; column < LINE_PARAMETERS; column++) {
                sql.append(", $").append(p + column).append(cast ? "::" + LINE_TYPES.get(column + 1) : "");
            }
            sql.append(')');
            parameters.addAll(Arrays.asList(line.id, line.position, line.description, line.quantity, line.unitPrice.value(),
                    line.discountPercent, line.taxRateId, line.taxPercent, line.net.value(), line.tax.value(), line.total.value(),
                    line.vatCategory, line.hsnCode, line.productCategory));
        }
    }

    /** The invoice as an object of its own, no longer tracked by the session: its changes are written with plain SQL. */
    public Uni<Invoice> detach(Invoice invoice) {
        return getSession().invoke(session -> session.detach(invoice)).replaceWith(invoice);
    }

    /**
     * Flags up to {@code batch} invoices that fell overdue (finalized, sent or partially paid, due before {@code today},
     * something still due, not flagged yet) and returns them, flagged, in the caller's transaction. Rows another
     * transaction holds (a payment, or another replica's run of the job) are skipped, not waited for: each invoice is
     * flagged by exactly one transaction, and a skipped one is flagged by the next run if it is still overdue.
     */
    public Uni<List<Invoice>> flagOverdue(LocalDate today, OffsetDateTime now, int batch) {
        return SessionSql.rows("""
                        with due as (
                            select id from invoices
                            where overdue_at is null and deleted_at is null and status in ('FINALIZED', 'SENT', 'PARTIAL')
                              and due_date < $1 and amount_due_kobo > 0 and type = 'INVOICE'
                            order by due_date, id
                            limit $3
                            for update skip locked)
                        update invoices i set overdue_at = $2 from due where i.id = due.id returning i.id""", today, now, batch)
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<Invoice>of())
                        : list("id in ?1 order by id", rows.stream().map(row -> (UUID) row[0]).toList()));
    }

    private static Parameters scope(Tenancy tenancy) {
        return Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
    }

    /** Invoices and credit notes of the tenant created since {@code from}: ids are version-7 UUIDs, so a range on the tenant's id index. */
    public Uni<Long> createdSince(Tenancy tenancy, Instant from) {
        return SessionSql.value(Long.class, "select count(*) from invoices where tenant_id = $1 and test_mode = $2 and id >= $3",
                tenancy.tenantId(), tenancy.test(), UuidV7.first(from));
    }
}
