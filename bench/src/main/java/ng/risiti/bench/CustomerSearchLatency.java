package ng.risiti.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Customer search on one tenant with many customers: {@code GET /api/v1/customers?search=} through the gateway,
 * sequentially, for searches that match one customer, a few, thousands and none; beside the same search run straight
 * on PostgreSQL in the same run, and the plan PostgreSQL chose (the trigram index, not a scan of the tenant's rows).
 *
 * <pre>java -cp "$CP" ng.risiti.bench.CustomerSearchLatency http://localhost:8080 100000 200</pre>
 * (base URL, customers, requests per search). The customers are inserted straight into customer-service's database
 * (an API create per row would take the run's whole budget); every search then goes through the API.
 * Last line: {@code customer-search: N customers, p99 P ms over all searches (goal < 50 ms)}.
 */
public final class CustomerSearchLatency {

    private CustomerSearchLatency() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;

        Api api = new Api(base).asNewTenant("Search Bench Ltd").onPlan("enterprise");
        api.customer(0); // one through the API, so the tenant's world is what the API writes
        long started = System.nanoTime();
        try (Connection db = LocalStack.here().database("risiti_customer"); Statement sql = db.createStatement()) {
            // ids are random UUIDs here (the API writes UUIDv7): the list order differs, the work per search does not
            sql.executeUpdate("""
                    insert into customers (id, tenant_id, name, email, phone, tin, currency, test_mode, created_at, updated_at)
                    select gen_random_uuid(), '%s', 'Business ' || i || ' ' || substr(md5(i::text), 1, 6) || ' Ltd',
                           'c' || i || '@bench.ng', '+23480' || lpad(i::text, 8, '0'), lpad(i::text, 8, '0') || '-0001',
                           'NGN', false, now(), now()
                    from generate_series(1, %d) as i""".formatted(api.tenantId, customers));
            sql.execute("analyze customers");
        }
        System.out.printf("%s, %d customers in one tenant (inserted in %.1f s)%n", base, customers + 1, (System.nanoTime() - started) / 1e9);

        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("one customer by email", "c" + (customers / 2 + 7) + "@bench.ng");
        searches.put("one customer by TIN", String.format("%08d", customers / 3 + 11));
        searches.put("a name matching ~11", "business " + (customers / 10 + 3) + " ");
        searches.put("a name matching thousands", "business 1");
        searches.put("no customer", "zzqqxx");

        // the services' JIT compiles hot code after thousands of calls: warm every search up before measuring any
        int warmup = Integer.getInteger("warmup", 3000);
        long warmStarted = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
            for (String term : searches.values()) {
                api.send("GET", path(term), null, null, false);
            }
            i += searches.size() - 1;
        }
        System.out.printf("warm-up: %d searches in %.0f s (-Dwarmup=N)%n", warmup, (System.nanoTime() - warmStarted) / 1e9);

        Latencies all = new Latencies();
        for (Map.Entry<String, String> search : searches.entrySet()) {
            String path = path(search.getValue());
            Latencies api1 = new Latencies();
            long total = -1;
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = api.send("GET", path, null, null, false);
                long elapsed = System.nanoTime() - t0;
                if (response.statusCode() != 200) {
                    api1.error("HTTP " + response.statusCode());
                    continue;
                }
                api1.add(elapsed);
                all.add(elapsed);
                total = Api.JSON.readTree(response.body()).at("/meta/total").asLong();
            }
            Latencies database = databaseReference(api.tenantId, search.getValue(), requests);
            System.out.printf("%-28s (%6d found): API %s, %s; database alone p50 %.1f ms, p99 %.1f ms%n", search.getKey(), total,
                    api1.summary(), api1.errorSummary(), database.percentileMillis(50), database.percentileMillis(99));
        }
        try (Connection db = LocalStack.here().database("risiti_customer");
             PreparedStatement explain = db.prepareStatement("explain " + PAGE_SQL)) {
            bind(explain, api.tenantId, searches.get("a name matching ~11"));
            System.out.println("plan of a search (page query):");
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    System.out.println("    " + plan.getString(1));
                }
            }
        }
        try (Connection db = LocalStack.here().database("risiti_customer"); PreparedStatement clean = db.prepareStatement(
                "delete from customers where tenant_id = ? and email like '%@bench.ng'")) {
            clean.setObject(1, UUID.fromString(api.tenantId));
            System.out.printf("(removed the %d customers this run inserted)%n", clean.executeUpdate());
        }
        System.out.printf("customer-search: %d customers, p99 %.1f ms over all searches (goal < 50 ms)%n", customers + 1,
                all.percentileMillis(99));
    }

    private static String path(String term) {
        return "/api/v1/customers?search=" + URLEncoder.encode(term, StandardCharsets.UTF_8);
    }

    /** What customer-service runs per search: the page (21 rows) and the total; an email's beginning on the email column. */
    private static final String PAGE_SQL = """
            select * from customers where tenant_id = ? and test_mode = false and deleted_at is null
              and search_text like ? order by id desc limit 21""";
    private static final String COUNT_SQL = """
            select count(*) from customers where tenant_id = ? and test_mode = false and deleted_at is null and search_text like ?""";

    private static String forTerm(String sql, String search) {
        return search.indexOf('@') > 0 ? sql.replace("search_text like ?", "email like ?") : sql;
    }

    private static Latencies databaseReference(String tenantId, String search, int requests) throws Exception {
        Latencies latencies = new Latencies();
        try (Connection db = LocalStack.here().database("risiti_customer");
             PreparedStatement page = db.prepareStatement(forTerm(PAGE_SQL, search));
             PreparedStatement count = db.prepareStatement(forTerm(COUNT_SQL, search))) {
            // as customer-service plans a search: for its pattern, never PostgreSQL's generic plan
            try (Statement custom = db.createStatement()) {
                custom.execute("set plan_cache_mode = force_custom_plan");
            }
            bind(page, tenantId, search);
            bind(count, tenantId, search);
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                }
                latencies.add(System.nanoTime() - t0);
            }
        }
        return latencies;
    }

    private static void bind(PreparedStatement statement, String tenantId, String search) throws Exception {
        statement.setObject(1, UUID.fromString(tenantId));
        statement.setString(2, (search.indexOf('@') > 0 ? "" : "%") + search.toLowerCase() + "%");
    }
}
