package ng.risiti.invoice.invoices.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
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
import ng.risiti.platform.security.Tenancy;

/** Invoices, always read within one tenant and one world (live or test). */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    private static final String INSERT_DRAFT = """
            with invoice as (
                insert into invoices (id, tenant_id, invoice_number, customer_id, customer_name, customer_tin, customer_email, status,
                    currency, issue_date, due_date, notes, subtotal_kobo, tax_total_kobo, total_kobo, amount_due_kobo, public_token,
                    test_mode, created_at, updated_at, version, customer_phone, customer_street, customer_city, customer_postal_zone,
                    customer_country)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, 0, $20, $21, $22, $23, $24)
                returning id)
            insert into invoice_lines (id, invoice_id, position, description, quantity, unit_price_kobo, discount_percent, tax_rate_id,
                tax_percent, net_kobo, tax_kobo, total_kobo, vat_category, hsn_code, product_category)
            values """;
    /** A line's own values; its invoice_id is $1. */
    private static final int LINE_PARAMETERS = 14;
    /**
     * Invoices owed now: finalized, sent or partially paid, with an amount due (overdue once past their due date).
     * Written as V7's partial index {@code invoices_tenant_open} has it, so the planner can use that index.
     */
    public static final String OPEN = "type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL') and amount_due_kobo > 0";

    public Uni<Invoice> findForTenant(Tenancy tenancy, UUID id) {
        return find("tenantId = :tenant and testMode = :test and id = :id", scope(tenancy).and("id", id)).firstResult();
    }

    /**
     * The invoice, its row locked until the transaction ends: concurrent credit notes (and, later, payments) against
     * one invoice take turns, and each sees what the one before it committed.
     */
    public Uni<Invoice> lockForTenant(Tenancy tenancy, UUID id) {
        return SessionSql.rows("select id from invoices where id = $1 and tenant_id = $2 and test_mode = $3 for update",
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
                    ? find("tenantId = :tenant and testMode = :test order by id desc", scope(tenancy)).page(0, page.fetchSize()).list()
                    : find("tenantId = :tenant and testMode = :test and id < :after order by id desc",
                            scope(tenancy).and("after", UUID.fromString(after))).page(0, page.fetchSize()).list();
        }
        List<Object> parameters = new ArrayList<>(List.of(tenancy.tenantId(), tenancy.test()));
        StringBuilder where = new StringBuilder("tenant_id = $1 and test_mode = $2");
        // statuses and types are enum names, written into the SQL so that the partial indexes' predicates match
        if (filter.status() != null) {
            where.append(" and status = '").append(filter.status().name()).append('\'');
        }
        if (filter.overdue()) {
            where.append(" and ").append(OPEN).append(" and due_date < ").append(parameter(parameters, today));
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
     * Stores a new draft and its lines in one statement, under its own number if it has one (a taken one fails on
     * the unique constraint) or, for a numbered one, a placeholder that {@link #numbering} replaces.
     */
    public Uni<Invoice> insertDraft(Invoice invoice) {
        StringBuilder sql = new StringBuilder(INSERT_DRAFT);
        List<Object> parameters = new ArrayList<>(List.of(invoice.id, invoice.tenantId,
                invoice.invoiceNumber != null ? invoice.invoiceNumber : invoice.id.toString(), invoice.customerId));
        parameters.addAll(Arrays.asList(invoice.customerName, invoice.customerTin, invoice.customerEmail, invoice.status.name(),
                invoice.currency, invoice.issueDate, invoice.dueDate, invoice.notes, invoice.subtotal.value(), invoice.taxTotal.value(),
                invoice.total.value(), invoice.amountDue.value(), invoice.publicToken, invoice.testMode, invoice.createdAt,
                invoice.customerPhone, invoice.customerStreet, invoice.customerCity, invoice.customerPostalZone, invoice.customerCountry));
        for (int i = 0; i < invoice.lines.size(); i++) {
            InvoiceLine line = invoice.lines.get(i);
            int p = parameters.size() + 1;
            sql.append(i == 0 ? "" : ", ").append("($").append(p).append(", $1");
            for (int column = 1; column < LINE_PARAMETERS; column++) {
                sql.append(", $").append(p + column);
            }
            sql.append(')');
            parameters.addAll(Arrays.asList(line.id, line.position, line.description, line.quantity, line.unitPrice.value(),
                    line.discountPercent, line.taxRateId, line.taxPercent, line.net.value(), line.tax.value(), line.total.value(),
                    line.vatCategory, line.hsnCode, line.productCategory));
        }
        return SessionSql.update(sql.toString(), parameters.toArray()).replaceWith(invoice);
    }

    /**
     * Gives a stored draft the next free number of its world and year. It takes the tenant's counter lock, so it runs
     * as the create's last statement, together with the event that carries the number.
     */
    public CompletingWrite numbering(Invoice invoice, String prefix) {
        return new CompletingWrite("update invoices set invoice_number = next_invoice_number($2, $3, $4, $5, $6) where id = $1 returning invoice_number",
                List.of(invoice.id, invoice.tenantId, invoice.testMode, invoice.issueDate.getYear(), prefix, invoice.type.wireName()),
                "invoice_number");
    }

    private static Parameters scope(Tenancy tenancy) {
        return Parameters.with("tenant", tenancy.tenantId()).and("test", tenancy.test());
    }
}
