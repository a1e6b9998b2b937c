package ng.risiti.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Invoice created (the API's answer) → its {@code invoice.created} webhook delivered at a local receiver: the relay,
 * the Kafka hop, webhook-service's intake and fan-out, the dispatcher's wake-up and the signed POST. Phase 1 creates
 * invoices one at a time on a quiet stack (latency, p50/p90/p99 over {@code events}); phase 2 creates them from
 * {@code connections} clients at once and counts deliveries per second at a fast receiver (throughput). Every
 * delivery's X-Risiti-Signature is checked, so a number is never of unsigned or foreign traffic.
 *
 * <p>Needs the local stack ({@code ./risiti up --detach}: it runs with RISITI_LOCAL_MODE, so webhook-service may call
 * http://127.0.0.1). Usage: java -cp ... ng.risiti.bench.WebhookDeliveryLatency [base-url] [events] [connections]
 */
public final class WebhookDeliveryLatency {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Api api = new Api(base).asNewTenant("Webhook Bench Ltd").onPlan("enterprise"); // no rate limit
        String customer = api.customer(1);
        LocalDate today = LocalDate.now();
        String body = """
                {"customer_id":"%s","issue_date":"%s","due_date":"%s","line_items":[{"description":"Hook","quantity":1,"unit_price":100}]}"""
                .formatted(customer, today, today.plusDays(30));

        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicInteger badSignatures = new AtomicInteger();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Risiti-Signature");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            if (!valid(raw, signature, secret[0])) {
                badSignatures.incrementAndGet();
                return;
            }
            JsonNode delivered = Api.JSON.readTree(raw);
            if ("invoice.created".equals(delivered.at("/event").asText())) {
                arrived.putIfAbsent(delivered.at("/data/invoice_id").asText(), at);
            }
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            secret[0] = Api.expect(api.send("POST", "/api/v1/webhooks", null,
                    "{\"url\":\"" + url + "\",\"events\":[\"invoice.created\"]}", true), 201).at("/data/secret").asText();

            Latencies latency = new Latencies();
            int warmup = Math.min(50, events / 10);
            for (int i = 0; i < warmup + events; i++) {
                String invoice = Api.expect(api.send("POST", "/api/v1/invoices", null, body, false), 201).at("/data/id").asText();
                long answered = System.nanoTime();
                long deadline = answered + TimeUnit.SECONDS.toNanos(10);
                while (!arrived.containsKey(invoice)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("invoice.created of " + invoice + " not delivered within 10 s");
                    }
                    Thread.onSpinWait();
                }
                if (i >= warmup) {
                    latency.add(arrived.get(invoice) - answered);
                }
            }
            System.out.printf("%d invoices created one at a time (after %d warm-up); invoice created (answer) -> webhook at the receiver:%n",
                    events, warmup);
            System.out.println("  " + latency.summary());

            arrived.clear();
            ExecutorService clients = Executors.newFixedThreadPool(connections);
            CountDownLatch done = new CountDownLatch(events);
            long started = System.nanoTime();
            for (int i = 0; i < events; i++) {
                clients.submit(() -> {
                    try {
                        Api.expect(api.send("POST", "/api/v1/invoices", null, body, false), 201);
                    } catch (Exception e) {
                        System.err.println("create failed: " + e.getMessage());
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            long created = System.nanoTime();
            long deadline = created + TimeUnit.SECONDS.toNanos(60);
            while (arrived.size() < events && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long last = arrived.values().stream().mapToLong(Long::longValue).max().orElse(created);
            double seconds = (last - started) / 1e9;
            clients.shutdown();
            System.out.printf("%d invoices from %d clients: created in %.1f s, %d delivered, %.0f deliveries/s (first create to last delivery)%n",
                    events, connections, (created - started) / 1e9, arrived.size(), arrived.size() / seconds);
            System.out.printf("webhook-delivery: p50 %.1f ms, p99 %.1f ms (goal p99 < 250 ms), %.0f deliveries/s, %d bad signatures%n",
                    latency.percentileMillis(50), latency.percentileMillis(99), arrived.size() / seconds, badSignatures.get());
        } finally {
            receiver.stop(0);
        }
    }

    /** docs/webhooks.md's Java check: hex HMAC-SHA256 of the raw body keyed with the secret. */
    private static boolean valid(byte[] raw, String signature, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signature != null && java.security.MessageDigest.isEqual(mac.doFinal(raw), HexFormat.of().parseHex(signature));
        } catch (Exception e) {
            return false;
        }
    }
}
