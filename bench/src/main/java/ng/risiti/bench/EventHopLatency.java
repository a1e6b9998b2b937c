package ng.risiti.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One event hop on a quiet stack, in its parts: finalize answered → the relay sends {@code invoice.finalized}
 * (record timestamp) → a read_committed consumer can see it (the relay's Kafka transaction committed) →
 * nrs-gateway-service has applied it (its submission answers over HTTP). The finalize-to-webhook goal (p99 250 ms)
 * is two such hops plus the delivery, so each part here is a share of that budget.
 *
 * <p>Usage: java -cp ... ng.risiti.bench.EventHopLatency [base-url] [repetitions] (Kafka: -Dkafka=127.0.0.1:9092)
 */
public final class EventHopLatency {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Api api = new Api(base).asNewTenant("Hop Bench Ltd").onPlan("enterprise"); // polled hard: no rate limit
        String customer = api.customer(1);
        LocalDate today = LocalDate.now();
        String body = """
                {"customer_id":"%s","issue_date":"%s","due_date":"%s","line_items":[{"description":"Hop","quantity":1,"unit_price":100}]}"""
                .formatted(customer, today, today.plusDays(30));
        Latencies relay = new Latencies();
        Latencies commit = new Latencies();
        Latencies consumer = new Latencies();
        Latencies total = new Latencies();
        try (KafkaConsumer<String, String> invoices = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka", "127.0.0.1:9092"),
                ConsumerConfig.GROUP_ID_CONFIG, "hop-bench-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            invoices.subscribe(List.of("risiti.invoices.v1"));
            while (invoices.assignment().isEmpty()) {
                invoices.poll(Duration.ofMillis(100));
            }
            for (int i = 0; i < repetitions; i++) {
                String invoice = Api.expect(api.send("POST", "/api/v1/invoices", null, body, false), 201).at("/data/id").asText();
                drain(invoices, Duration.ofMillis(800)); // the created event goes by; the stack is quiet again
                Api.expect(api.send("POST", "/api/v1/invoices/" + invoice + "/finalize", null, null, false), 200);
                long answered = System.currentTimeMillis();
                long sent = 0;
                long visible = 0;
                while (visible == 0 && System.currentTimeMillis() - answered < 5000) {
                    for (ConsumerRecord<String, String> record : invoices.poll(Duration.ofMillis(5))) {
                        if ("invoice.finalized".equals(type(record)) && record.value().contains(invoice)) {
                            sent = record.timestamp();
                            visible = System.currentTimeMillis();
                        }
                    }
                }
                while (!api.send("GET", "/api/v1/nrs/submissions?invoice_id=" + invoice, null, null, false).body().contains("\"irn\"")) {
                    Thread.onSpinWait();
                }
                long applied = System.currentTimeMillis();
                if (visible == 0) {
                    throw new IllegalStateException("invoice.finalized of " + invoice + " not seen on risiti.invoices.v1 within 5 s");
                }
                relay.add(nanos(sent - answered));
                commit.add(nanos(visible - sent));
                consumer.add(nanos(applied - visible));
                total.add(nanos(applied - answered));
            }
        }
        System.out.printf("%d finalizes, one at a time on a quiet stack; ms from the finalize answer:%n", repetitions);
        print("relay sent invoice.finalized (record timestamp)", relay);
        print("its Kafka transaction committed (read_committed sees it)", commit);
        print("nrs-gateway applied it (submission answers over HTTP)", consumer);
        print("event-hop: whole hop", total);
    }

    private static void drain(KafkaConsumer<String, String> consumer, Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(50));
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Record timestamps are wall-clock milliseconds, so the parts are too. */
    private static long nanos(long millis) {
        return millis * 1_000_000;
    }

    private static void print(String what, Latencies millis) {
        System.out.printf("  %-58s p50 %4.0f, p90 %4.0f, max %4.0f%n", what, millis.percentileMillis(50), millis.percentileMillis(90),
                millis.percentileMillis(100));
    }
}
