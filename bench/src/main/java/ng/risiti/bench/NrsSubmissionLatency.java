package ng.risiti.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * NRS submission against the sandbox (its default latency 0), measured where an integrator sees it:
 * <ol>
 *   <li>latency: one invoice at a time, finalize answered → submit-firs answered → {@code invoice.firs_submitted} visible on
 *   {@code risiti.nrs.v1} to a read_committed consumer (five MBS calls, their records, the outcome's outbox event);
 *   p50/p99 from the finalize answer and from the submit-firs answer (goal: p99 &lt; 250 ms);</li>
 *   <li>sustained rate: {@code burst} finalized invoices submitted by {@code workers} clients at once, submissions per
 *   second from the first submit-firs to the last {@code invoice.firs_submitted}.</li>
 * </ol>
 * The tenant's live NRS credentials are set first (the local stack's NRS_API_URL is the sandbox, which takes any
 * non-blank pair), so this measures the live path; test-mode keys take the same path to the same sandbox.
 *
 * <p>Usage: java -cp ... ng.risiti.bench.NrsSubmissionLatency [base-url] [invoices] [burst] [workers] (Kafka: -Dkafka=127.0.0.1:9092)
 */
public final class NrsSubmissionLatency {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Api api = new Api(base).asNewTenant("NRS Bench Ltd").onPlan("enterprise");
        // NRS wants the supplier's TIN and email on every invoice
        Api.expect(api.send("PATCH", "/api/v1/settings", null, """
                {"tin":"12345678-0001","contact_email":"billing@nrs-bench.ng","address":"1 Bench Road, Lagos"}""", true), 200);
        Api.expect(api.send("PATCH", "/api/v1/settings/integrations", null, """
                {"nrs":{"api_key":"bench-nrs-key-0000000000","api_secret":"bench-nrs-secret-000000000",
                        "service_id":"94ND90NR","business_id":"6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f"}}""", true), 200);
        String customer = api.customer(1);
        LocalDate today = LocalDate.now();
        String body = """
                {"customer_id":"%s","issue_date":"%s","due_date":"%s","line_items":[{"description":"NRS bench","quantity":1,"unit_price":1000}]}"""
                .formatted(customer, today, today.plusDays(30));

        Map<String, Long> submittedSeen = new ConcurrentHashMap<>();
        Map<String, Long> failedSeen = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().start(() -> read(submittedSeen, failedSeen, stop));
        try {
            waitForAssignment(submittedSeen);
            Latencies fromFinalize = new Latencies();
            Latencies fromSubmit = new Latencies();
            Latencies submitAnswer = new Latencies();
            for (int i = 0; i < invoices; i++) {
                String invoice = Api.expect(api.send("POST", "/api/v1/invoices", null, body, false), 201).at("/data/id").asText();
                Api.expect(api.send("POST", "/api/v1/invoices/" + invoice + "/finalize", null, null, false), 200);
                long finalized = System.nanoTime();
                Api.expect(api.send("POST", "/api/v1/invoices/" + invoice + "/submit-firs", null, null, false), 202);
                long queued = System.nanoTime();
                long seen = await(invoice, submittedSeen, failedSeen, Duration.ofSeconds(30));
                fromFinalize.add(seen - finalized);
                fromSubmit.add(seen - queued);
                submitAnswer.add(queued - finalized);
            }
            System.out.printf("%d invoices, one at a time, against the sandbox:%n", invoices);
            System.out.printf("  nrs-latency: submit-firs answered                    %s%n", submitAnswer.summary());
            System.out.printf("  nrs-latency: submit-firs answer -> firs_submitted   %s%n", fromSubmit.summary());
            System.out.printf("  nrs-latency: finalize answer -> firs_submitted      %s (goal p99 < 250 ms)%n", fromFinalize.summary());

            List<String> ready = prepare(api, body, burst, workers);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            long start = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (String invoice : ready) {
                sent.add(pool.submit(() -> Api.expect(api.send("POST", "/api/v1/invoices/" + invoice + "/submit-firs", null, null, false), 202)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            long lastSeen = start;
            for (String invoice : ready) {
                lastSeen = Math.max(lastSeen, await(invoice, submittedSeen, failedSeen, Duration.ofSeconds(120)));
            }
            pool.shutdown();
            double seconds = (lastSeen - start) / 1e9;
            System.out.printf("  nrs-throughput: %d submissions by %d clients in %.2f s: %.1f submissions/s to firs_submitted%n",
                    burst, workers, seconds, burst / seconds);
        } finally {
            stop.set(true);
            reader.join();
        }
    }

    /** Creates and finalizes {@code count} invoices with {@code workers} clients; their ids. */
    private static List<String> prepare(Api api, String body, int count, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(pool.submit(() -> {
                String invoice = Api.expect(api.send("POST", "/api/v1/invoices", null, body, false), 201).at("/data/id").asText();
                Api.expect(api.send("POST", "/api/v1/invoices/" + invoice + "/finalize", null, null, false), 200);
                return invoice;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : made) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }

    /** When the reader saw the invoice's firs_submitted (System.nanoTime); fails on a firs_submission_failed. */
    private static long await(String invoice, Map<String, Long> submitted, Map<String, Long> failed, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long seen = submitted.get(invoice);
            if (seen != null) {
                return seen;
            }
            if (failed.containsKey(invoice)) {
                throw new IllegalStateException("invoice " + invoice + ": invoice.firs_submission_failed (see GET /api/v1/nrs/submissions?invoice_id=)");
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("invoice " + invoice + ": no outcome on risiti.nrs.v1 within " + timeout);
    }

    private static final String READY = "__assigned__";

    private static void waitForAssignment(Map<String, Long> seen) throws InterruptedException {
        while (!seen.containsKey(READY)) {
            Thread.sleep(20);
        }
    }

    private static void read(Map<String, Long> submitted, Map<String, Long> failed, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> nrs = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka", "127.0.0.1:9092"),
                ConsumerConfig.GROUP_ID_CONFIG, "nrs-bench-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            nrs.subscribe(List.of("risiti.nrs.v1"));
            while (nrs.assignment().isEmpty()) {
                nrs.poll(Duration.ofMillis(100));
            }
            submitted.put(READY, 0L);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : nrs.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    String type = type(record);
                    if ("invoice.firs_submitted".equals(type)) {
                        submitted.putIfAbsent(record.key(), now);
                    } else if ("invoice.firs_submission_failed".equals(type)) {
                        failed.putIfAbsent(record.key(), now);
                    }
                }
            }
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
