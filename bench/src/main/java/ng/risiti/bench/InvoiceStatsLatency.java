package ng.risiti.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

/**
 * {@code GET /api/v1/invoices/stats} and a filtered list page ({@code GET /api/v1/invoices?status=overdue}) for one
 * tenant with many invoices, through the gateway, sequentially; beside the same statements run straight on PostgreSQL
 * in the same run, and beside what the stats would cost if they summed the tenant's invoices (the covering-index
 * aggregate the maintained totals replace).
 *
 * <pre>java -cp "$CP" ng.risiti.bench.InvoiceStatsLatency http://localhost:8080 100000 500</pre>
 * (base URL, invoices, requests per endpoint; {@code -Dwarmup=2000}). The unfiltered first page is measured too, as the
 * reference for what the overdue filter adds to a list page. The invoices (3 lines each, two years of them,
 * ids in creation order, statuses as a business's history has them: recent ones open, older ones mostly paid) are
 * inserted straight into invoice-service's database; V7's trigger records them for the totals like any other write,
 * and the bench waits for the scheduled fold to take them in, and vacuums, before measuring: the steady state, not the
 * minute after a bulk load. They are deleted at the end.
 * Last line: {@code invoice-stats: N invoices, stats p50/p99 ..., overdue page p50/p99 ...}.
 */
public final class InvoiceStatsLatency {

    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    /** What invoice-service runs per GET /invoices/stats (InvoiceStatsRepository.FIGURES), the figures of one moment. */
    private static final String FIGURES_SQL = """
            select status, sum(invoices)::bigint, sum(net_kobo)::bigint, sum(due_kobo)::bigint from (
                select status, invoices, net_kobo, due_kobo from invoice_status_totals where tenant_id = ? and test_mode = false
                union all
                select status, invoices, net_kobo, due_kobo from invoice_status_changes where tenant_id = ? and test_mode = false
                union all
                select 'DRAFT', count(*), 0, 0 from invoices where tenant_id = ? and test_mode = false and status = 'DRAFT'
                union all
                select '#overdue', count(*), 0, coalesce(sum(amount_due_kobo), 0) from invoices
                where tenant_id = ? and test_mode = false and type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL')
                  and amount_due_kobo > 0 and due_date < ?
                union all
                select '#month', count(*), coalesce(sum(total_kobo - credited_kobo), 0), 0 from invoices
                where tenant_id = ? and test_mode = false and type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL', 'PAID')
                  and issue_date >= ? and issue_date < ?
            ) figures group by status""";
    /** The same per-status figures summed from the invoices themselves: what the totals save. */
    private static final String NAIVE_SQL = """
            select status, count(*), sum(total_kobo - credited_kobo), sum(amount_due_kobo) from invoices
            where tenant_id = ? and test_mode = false and type = 'INVOICE' group by status""";
    /** The overdue page's ids (InvoiceRepository.page), then its 26 invoices and their lines, as the list loads them. */
    private static final String OVERDUE_IDS_SQL = """
            select id from invoices where tenant_id = ? and test_mode = false
              and type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL') and amount_due_kobo > 0 and due_date < ?
            order by id desc limit 26""";
    private static final String PAGE_ROWS_SQL = "select * from invoices where id = any(?)";
    private static final String PAGE_LINES_SQL = "select * from invoice_lines where invoice_id = any(?) order by invoice_id, position";

    private InvoiceStatsLatency() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 500;

        Api api = new Api(base).asNewTenant("Stats Bench Ltd").onPlan("enterprise");
        String customerId = api.customer(0);
        // one invoice through the API, so the tenant's world and its customer are what the API writes
        Api.expect(api.sendUntilAnswered("POST", "/api/v1/invoices", """
                {"customer_id":"%s","issue_date":"%s","due_date":"%s","line_items":[{"description":"Setup","quantity":1,"unit_price":1000}]}"""
                .formatted(customerId, LocalDate.now(LAGOS), LocalDate.now(LAGOS).plusDays(30)), UUID.randomUUID().toString(),
                java.time.Duration.ofSeconds(30)), 201);

        long started = System.nanoTime();
        try (Connection db = LocalStack.here().database("risiti_invoice"); Statement sql = db.createStatement()) {
            seed(sql, api.tenantId, customerId, invoices);
            sql.execute("vacuum analyze invoices");
            sql.execute("vacuum analyze invoice_lines");
        }
        System.out.printf("%s, %d invoices (3 lines each) in one tenant, inserted in %.1f s%n", base, invoices + 1,
                (System.nanoTime() - started) / 1e9);
        long foldStarted = System.nanoTime();
        try (Connection db = LocalStack.here().database("risiti_invoice");
             PreparedStatement pending = db.prepareStatement("select count(*) from invoice_status_changes where tenant_id = ?")) {
            pending.setObject(1, UUID.fromString(api.tenantId));
            long left;
            do {
                Thread.sleep(500);
                try (ResultSet rows = pending.executeQuery()) {
                    rows.next();
                    left = rows.getLong(1);
                }
            } while (left > 0 && System.nanoTime() - foldStarted < 180_000_000_000L);
            System.out.printf("the scheduled fold took the inserts' %s into the totals within %.1f s%n",
                    left == 0 ? "changes" : "changes (" + left + " still pending)", (System.nanoTime() - foldStarted) / 1e9);
        }
        // steady state, as autovacuum leaves a table some time after a bulk load: pages all-visible (the indexes answer
        // alone), the folded changes' dead rows gone. A vacuum that ran while the fold's snapshot was open could not do it.
        try (Connection db = LocalStack.here().database("risiti_invoice"); Statement sql = db.createStatement()) {
            sql.execute("vacuum analyze invoices");
            sql.execute("vacuum analyze invoice_status_changes");
        }

        String stats = "/api/v1/invoices/stats";
        String overdue = "/api/v1/invoices?status=overdue";
        int warmup = Integer.getInteger("warmup", 2000);
        long warmStarted = System.nanoTime();
        for (int i = 0; i < warmup / 2; i++) {
            api.send("GET", stats, null, null, false);
            api.send("GET", overdue, null, null, false);
        }
        System.out.printf("warm-up: %d requests in %.0f s (-Dwarmup=N)%n", warmup, (System.nanoTime() - warmStarted) / 1e9);

        Latencies statsApi = measure(api, stats, requests);
        HttpResponse<String> figures = api.send("GET", stats, null, null, false);
        System.out.println("GET " + stats + ": " + figures.body());
        Latencies overdueApi = measure(api, overdue, requests);
        // the same page unfiltered: what any list page costs, for the overdue filter's own share
        Latencies plainApi = measure(api, "/api/v1/invoices", requests);
        int overdueRows = Api.JSON.readTree(api.send("GET", overdue, null, null, false).body()).path("data").size();

        LocalDate today = LocalDate.now(LAGOS);
        try (Connection db = LocalStack.here().database("risiti_invoice")) {
            UUID tenant = UUID.fromString(api.tenantId);
            Latencies figuresDb = new Latencies();
            Latencies naiveDb = new Latencies();
            Latencies overdueDb = new Latencies();
            try (PreparedStatement figuresSql = db.prepareStatement(FIGURES_SQL); PreparedStatement naive = db.prepareStatement(NAIVE_SQL);
                 PreparedStatement ids = db.prepareStatement(OVERDUE_IDS_SQL); PreparedStatement rows = db.prepareStatement(PAGE_ROWS_SQL);
                 PreparedStatement lines = db.prepareStatement(PAGE_LINES_SQL)) {
                YearMonth thisMonth = YearMonth.from(today);
                for (int p : new int[] {1, 2, 3, 4, 6}) {
                    figuresSql.setObject(p, tenant);
                }
                figuresSql.setObject(5, today);
                figuresSql.setObject(7, thisMonth.atDay(1));
                figuresSql.setObject(8, thisMonth.plusMonths(1).atDay(1));
                naive.setObject(1, tenant);
                ids.setObject(1, tenant);
                ids.setObject(2, today);
                for (int i = 0; i < requests; i++) {
                    figuresDb.add(timed(figuresSql));
                    naiveDb.add(timed(naive));
                    long t0 = System.nanoTime();
                    java.util.List<UUID> page = new java.util.ArrayList<>();
                    try (ResultSet found = ids.executeQuery()) {
                        while (found.next()) {
                            page.add((UUID) found.getObject(1));
                        }
                    }
                    java.sql.Array array = db.createArrayOf("uuid", page.toArray());
                    rows.setArray(1, array);
                    lines.setArray(1, array);
                    drain(rows);
                    drain(lines);
                    overdueDb.add(System.nanoTime() - t0);
                }
            }
            System.out.printf("%-34s API %s, %s; database alone p50 %.1f ms, p99 %.1f ms%n", "GET /invoices/stats", statsApi.summary(),
                    statsApi.errorSummary(), figuresDb.percentileMillis(50), figuresDb.percentileMillis(99));
            System.out.printf("%-34s the same figures summed from the invoices (covering-index aggregate): p50 %.1f ms, p99 %.1f ms%n", "",
                    naiveDb.percentileMillis(50), naiveDb.percentileMillis(99));
            System.out.printf("%-34s API %s, %s; database alone (ids, rows, lines) p50 %.1f ms, p99 %.1f ms%n",
                    "GET /invoices?status=overdue (" + overdueRows + ")", overdueApi.summary(), overdueApi.errorSummary(),
                    overdueDb.percentileMillis(50), overdueDb.percentileMillis(99));
            YearMonth month = YearMonth.from(today);
            System.out.printf("%-34s API %s, %s%n", "GET /invoices (25, no filter)", plainApi.summary(), plainApi.errorSummary());
            explain(db, "plan of the stats statement:", FIGURES_SQL, tenant, tenant, tenant, tenant, today, tenant, month.atDay(1),
                    month.plusMonths(1).atDay(1));
            explain(db, "plan of the overdue page's ids:", OVERDUE_IDS_SQL, tenant, today);
        }

        try (Connection db = LocalStack.here().database("risiti_invoice");
             PreparedStatement clean = db.prepareStatement("delete from invoices where tenant_id = ? and invoice_number like 'BENCH-%'")) {
            clean.setObject(1, UUID.fromString(api.tenantId));
            System.out.printf("(removed the %d invoices this run inserted; the fold takes their removal into the totals)%n", clean.executeUpdate());
        }
        System.out.printf("invoice-stats: %d invoices, stats p50 %.1f ms p99 %.1f ms, overdue page p50 %.1f ms p99 %.1f ms%n", invoices + 1,
                statsApi.percentileMillis(50), statsApi.percentileMillis(99), overdueApi.percentileMillis(50), overdueApi.percentileMillis(99));
    }

    /**
     * Two years of invoices, oldest first (ids carry their creation time, as UUIDv7 does): those of the last 60 days are
     * mostly open, older ones mostly paid, a few cancelled, refused by NRS or still open (overdue).
     */
    private static void seed(Statement sql, String tenantId, String customerId, int invoices) throws Exception {
        sql.executeUpdate("""
                create temporary table bench_invoices as
                select i, g.age, g.r, g.net, round(g.net * 0.075)::bigint as tax,
                       (lpad(to_hex((extract(epoch from now() - make_interval(days => g.age, secs => 86399.0 * i / %2$d)) * 1000)::bigint), 12, '0')
                        || '7' || substr(md5('%1$s' || i), 1, 3) || '8' || substr(md5('%1$s' || i), 4, 15))::uuid as id
                from (select i, (730 - 730 * i / %2$d) as age, random() as r, (1000 + (random() * 300000)::bigint) * 100 as net
                      from generate_series(1, %2$d) as i) g""".formatted(tenantId, invoices));
        sql.executeUpdate("""
                insert into invoices (id, tenant_id, invoice_number, customer_id, customer_name, status, currency, issue_date, due_date,
                    subtotal_kobo, tax_total_kobo, total_kobo, amount_due_kobo, public_token, test_mode, created_at, updated_at)
                select b.id, '%1$s', 'BENCH-' || b.i, '%2$s', 'Customer 0 Ltd', s.status, 'NGN', current_date - b.age, current_date - b.age + 30,
                    3 * b.net, 3 * b.tax, 3 * (b.net + b.tax),
                    case s.status when 'PAID' then 0 when 'CANCELLED' then 0 when 'PARTIAL' then 3 * (b.net + b.tax) / 2 else 3 * (b.net + b.tax) end,
                    gen_random_uuid(), false, now(), now()
                from bench_invoices b cross join lateral (select case when b.age < 60 then
                        case when b.r < 0.15 then 'DRAFT' when b.r < 0.35 then 'FINALIZED' when b.r < 0.65 then 'SENT'
                             when b.r < 0.75 then 'PARTIAL' else 'PAID' end
                    else
                        case when b.r < 0.005 then 'DRAFT' when b.r < 0.015 then 'FINALIZED' when b.r < 0.045 then 'SENT'
                             when b.r < 0.065 then 'PARTIAL' when b.r < 0.07 then 'FIRS_SUBMISSION_FAILED' when b.r < 0.12 then 'CANCELLED'
                             else 'PAID' end
                    end as status) s
                order by b.i""".formatted(tenantId, customerId));
        sql.executeUpdate("""
                insert into invoice_lines (id, invoice_id, position, description, quantity, unit_price_kobo, discount_percent, tax_rate_id,
                    tax_percent, net_kobo, tax_kobo, total_kobo)
                select gen_random_uuid(), b.id, p, 'Line ' || p, 1, b.net, 0, '00000000-0000-7000-8000-000000000075', 7.5, b.net, b.tax, b.net + b.tax
                from bench_invoices b cross join generate_series(0, 2) as p order by b.i, p""");
        sql.executeUpdate("drop table bench_invoices");
    }

    private static Latencies measure(Api api, String path, int requests) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = api.send("GET", path, null, null, false);
            long elapsed = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                latencies.error("HTTP " + response.statusCode());
            } else {
                latencies.add(elapsed);
            }
        }
        return latencies;
    }

    private static long timed(PreparedStatement statement) throws Exception {
        long t0 = System.nanoTime();
        drain(statement);
        return System.nanoTime() - t0;
    }

    private static void drain(PreparedStatement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    /** EXPLAIN ANALYZE of a statement with its parameters (the driver's first executions plan with their values). */
    private static void explain(Connection db, String title, String sql, Object... parameters) throws Exception {
        System.out.println(title);
        try (PreparedStatement statement = db.prepareStatement("explain (analyze, costs off) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet plan = statement.executeQuery()) {
                while (plan.next()) {
                    System.out.println("    " + plan.getString(1));
                }
            }
        }
    }
}
