package ng.risiti.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long an NDPR data export takes through a running stack (./risiti up --detach): fills one tenant with customers
 * and invoices (3 lines each), then times POST /settings/data-export until its status is ready (every service's
 * part over Kafka, archive built) and the archive's download through the gateway.
 * Usage: java -cp ... ng.risiti.bench.DataExportLatency [base-url] [invoices] [exports]
 */
public final class DataExportLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int exports = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int customers = Math.max(1, invoices / 10);

        // on the enterprise plan: a Free tenant's API calls past its trial are refused (402), and its invoices stop at 50
        Api tenant = new Api(base).asNewTenant("Export Bench Ltd").onPlan("enterprise");
        String jwt = tenant.jwt;
        String key = tenant.key;

        long fill = System.nanoTime();
        List<String> customerIds = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            customerIds.add(call("POST", base + "/api/v1/customers", null, key, """
                    {"name":"Customer %d Ltd","email":"c%d@bench.ng","currency":"NGN","tin":"12345678-0001"}""".formatted(i, i), 201)
                    .at("/data/id").asText());
        }
        LocalDate today = LocalDate.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<JsonNode>> created = new ArrayList<>();
            for (int i = 0; i < invoices; i++) {
                String body = """
                        {"customer_id":"%s","issue_date":"%s","due_date":"%s","currency":"NGN","line_items":[
                         {"description":"Consulting","quantity":10,"unit_price":35000,"discount_percent":0},
                         {"description":"Support","quantity":2.5,"unit_price":12000,"discount_percent":5},
                         {"description":"Licences","quantity":3,"unit_price":8000.5,"discount_percent":0}]}"""
                        .formatted(customerIds.get(i % customers), today, today.plusDays(30));
                created.add(pool.submit(() -> callRetrying404("POST", base + "/api/v1/invoices", key, body)));
            }
            for (Future<JsonNode> invoice : created) {
                invoice.get();
            }
        }
        System.out.printf("tenant filled: %d customers, %d invoices with 3 lines each, in %.1f s%n", customers, invoices,
                (System.nanoTime() - fill) / 1e9);

        List<Long> readyMillis = new ArrayList<>();
        List<Long> downloadMillis = new ArrayList<>();
        long size = 0;
        long records = 0;
        for (int i = 0; i < exports; i++) {
            long t = System.nanoTime();
            String id = call("POST", base + "/api/v1/settings/data-export", jwt, null, null, 202).at("/data/id").asText();
            JsonNode status;
            do {
                Thread.sleep(50);
                status = call("GET", base + "/api/v1/settings/data-export/" + id, jwt, null, null, 200).get("data");
            } while ("processing".equals(status.get("status").asText()));
            readyMillis.add((System.nanoTime() - t) / 1_000_000);
            if (!"ready".equals(status.get("status").asText())) {
                throw new IllegalStateException("export " + id + " ended " + status);
            }
            size = status.get("size_bytes").asLong();
            records = 0;
            for (JsonNode service : status.get("services")) {
                records += service.path("records").asLong();
            }
            long d = System.nanoTime();
            HttpResponse<byte[]> archive = HTTP.send(HttpRequest.newBuilder(URI.create(status.get("download_url").asText())).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (archive.statusCode() != 200 || archive.body().length != size) {
                throw new IllegalStateException("download answered " + archive.statusCode() + " with " + archive.body().length + " bytes");
            }
            downloadMillis.add((System.nanoTime() - d) / 1_000_000);
        }
        Collections.sort(readyMillis);
        Collections.sort(downloadMillis);
        System.out.printf("data export of %d records (6 services) -> %d-byte ZIP, %d exports: request to ready p50 %d ms, max %d ms;"
                + " download p50 %d ms, max %d ms%n", records, size, exports, readyMillis.get(readyMillis.size() / 2),
                readyMillis.getLast(), downloadMillis.get(downloadMillis.size() / 2), downloadMillis.getLast());
    }

    /** A new customer may not have reached invoice-service's replica yet (404 for a moment): try again briefly. */
    private static JsonNode callRetrying404(String method, String url, String key, String body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send(method, url, null, key, body);
            if (response.statusCode() == 201) {
                return JSON.readTree(response.body());
            }
            if (response.statusCode() != 404 || attempt == 50) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode call(String method, String url, String jwt, String key, String body, int expected) throws Exception {
        HttpResponse<String> response = send(method, url, jwt, key, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String jwt, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (jwt != null) {
            request.header("Authorization", "Bearer " + jwt);
        }
        if (key != null) {
            request.header("x-api-key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
