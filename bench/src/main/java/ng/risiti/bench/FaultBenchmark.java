package ng.risiti.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Drives invoice creates and finalizes through the running stack (./risiti up --detach) while kill -9ing, in turn,
 * invoice-service, nrs-gateway-service, webhook-service and the Kafka broker (the supervisor restarts each), then
 * counts: every outbox event of the run on its topic exactly once by id, every finalized invoice with exactly one
 * NRS submission and one webhook-side record, every create the client made once. Last line:
 * {@code faults: N events, L lost, D duplicated}.
 *
 * With {@code -Dsignal=term} each is stopped with SIGTERM instead, as a rolling deploy stops it.
 *
 * <p>Usage: java -cp ... ng.risiti.bench.FaultBenchmark [base-url] [seconds] [seconds-between-kills] [workers]
 */
public final class FaultBenchmark {

    private static final List<String> VICTIMS = List.of("invoice-service", "nrs-gateway-service", "webhook-service", "kafka");
    private static final Map<String, String> DATABASES = Map.of("auth-service", "risiti_auth", "customer-service", "risiti_customer",
            "invoice-service", "risiti_invoice", "billing-service", "risiti_billing", "nrs-gateway-service", "risiti_nrs",
            "webhook-service", "risiti_webhook");
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 180;
        int killEvery = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        // -Dsignal=term stops each victim as a rolling deploy does (SIGTERM: it shuts down cleanly) instead of kill -9
        boolean term = "term".equalsIgnoreCase(System.getProperty("signal", "kill"));
        String how = term ? "SIGTERM" : "kill -9";
        LocalStack stack = LocalStack.here();
        OffsetDateTime started = OffsetDateTime.now().minusSeconds(5);

        Api api = new Api(base).asNewTenant("Fault Bench Ltd").onPlan("enterprise"); // faults, not plan limits, are measured here
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(api.customer(i));
        }
        System.out.printf("tenant %s, %d customers; %d workers for %d s, a %s every %d s%n", api.tenantId, customers.size(), workers,
                seconds, how, killEvery);

        AtomicBoolean stop = new AtomicBoolean();
        Set<String> created = ConcurrentHashMap.newKeySet();
        Set<String> finalized = ConcurrentHashMap.newKeySet();
        AtomicInteger anomalies = new AtomicInteger();
        List<String> kills = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers + 1)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        createAndFinalize(api, customers.get((worker + n++) % customers.size()), created, finalized, anomalies);
                    }
                    return null;
                }));
            }
            running.add(pool.submit(() -> {
                for (int round = 0; !stop.get(); round++) {
                    Thread.sleep(killEvery * 1000L);
                    if (stop.get()) {
                        break;
                    }
                    String victim = VICTIMS.get(round % VICTIMS.size());
                    stack.pid(victim).ifPresentOrElse(pid -> ProcessHandle.of(pid).ifPresent(process -> {
                        if (term) {
                            process.destroy();
                        } else {
                            process.destroyForcibly();
                        }
                        synchronized (kills) {
                            kills.add(victim);
                        }
                        System.out.printf("  %4d s: %s %s (pid %d); created %d, finalized %d so far%n",
                                Duration.between(started, OffsetDateTime.now()).toSeconds() - 5, how, victim, pid, created.size(), finalized.size());
                    }), () -> System.out.printf("  no pid for %s%n", victim));
                }
                return null;
            }));
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Future<?> task : running) {
                task.get();
            }
        }
        System.out.printf("load done: %d invoices created, %d finalized, %d kills (%s); waiting for the events to settle%n",
                created.size(), finalized.size(), kills.size(), String.join(", ", kills));

        Counts counts = settleAndCount(stack, api.tenantId, started, created, finalized);
        counts.lost += anomalies.get();
        System.out.printf("client: %d creates and %d finalizes answered; %d answers that were not the replay they should be; retried "
                + "on the way: %s%n", created.size(), finalized.size(), anomalies.get(), api.retried);
        System.out.printf("faults: %d events, %d lost, %d duplicated%n", counts.events, counts.lost, counts.duplicated);
    }

    /** One logical create and one logical finalize, each retried with its own Idempotency-Key until answered. */
    private static void createAndFinalize(Api api, String customer, Set<String> created, Set<String> finalized, AtomicInteger anomalies) {
        try {
            LocalDate today = LocalDate.now();
            String body = """
                    {"customer_id":"%s","issue_date":"%s","due_date":"%s","line_items":[
                     {"description":"Consulting","quantity":10,"unit_price":35000},
                     {"description":"Support","quantity":2.5,"unit_price":12000,"discount_percent":5},
                     {"description":"Licences","quantity":3,"unit_price":8000.5}]}""".formatted(customer, today, today.plusDays(30));
            HttpResponse<String> create = api.sendUntilAnswered("POST", "/api/v1/invoices", body, UUID.randomUUID().toString(), GIVE_UP);
            if (create.statusCode() != 201) {
                System.out.printf("  create answered %d: %s%n", create.statusCode(), create.body());
                anomalies.incrementAndGet();
                return;
            }
            String id = Api.JSON.readTree(create.body()).at("/data/id").asText();
            if (!created.add(id)) {
                anomalies.incrementAndGet();
            }
            HttpResponse<String> finalize = api.sendUntilAnswered("POST", "/api/v1/invoices/" + id + "/finalize", null,
                    UUID.randomUUID().toString(), GIVE_UP);
            if (finalize.statusCode() != 200) {
                System.out.printf("  finalize answered %d: %s%n", finalize.statusCode(), finalize.body());
                anomalies.incrementAndGet();
                return;
            }
            finalized.add(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.out.printf("  worker: %s%n", e.getMessage());
            anomalies.incrementAndGet();
        }
    }

    private static final class Counts {
        long events;
        long lost;
        long duplicated;
    }

    private static Counts settleAndCount(LocalStack stack, String tenantId, OffsetDateTime since, Set<String> created,
            Set<String> finalized) throws Exception {
        Counts counts = new Counts();
        // 1. the outboxes drain
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            long waiting = 0;
            for (String database : DATABASES.values()) {
                try (Connection db = stack.database(database)) {
                    waiting += count(db, "select count(*) from outbox_events where published_at is null", null);
                }
            }
            if (waiting == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                System.out.printf("  %d events still unpublished after 3 minutes%n", waiting);
                break;
            }
            Thread.sleep(500);
        }

        // 2. every event of the run is on its topic exactly once
        Map<String, Set<String>> idsByTopic = new HashMap<>();
        for (String database : DATABASES.values()) {
            try (Connection db = stack.database(database); PreparedStatement query = db.prepareStatement(
                    "select id::text, topic from outbox_events where occurred_at >= ?")) {
                query.setObject(1, since);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        idsByTopic.computeIfAbsent(rows.getString(2), topic -> new HashSet<>()).add(rows.getString(1));
                    }
                }
            }
        }
        for (Map.Entry<String, Set<String>> topic : idsByTopic.entrySet()) {
            Map<String, Integer> copies = copiesOnTopic(topic.getKey(), topic.getValue());
            long lost = topic.getValue().stream().filter(id -> copies.getOrDefault(id, 0) == 0).count();
            long duplicated = copies.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            System.out.printf("  %-32s %6d events in the outboxes, %d not on the topic, %d extra copies%n", topic.getKey(),
                    topic.getValue().size(), lost, duplicated);
            counts.events += topic.getValue().size();
            counts.lost += lost;
            counts.duplicated += duplicated;
        }

        // 3. every finalized invoice has one NRS submission and one webhook-side record, once the consumers caught up
        UUID tenant = UUID.fromString(tenantId);
        Map<String, Long> submissions = Map.of();
        Map<String, Long> webhookRecords = Map.of();
        deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection nrs = stack.database("risiti_nrs"); Connection webhook = stack.database("risiti_webhook")) {
                submissions = perKey(nrs, "select invoice_id::text, count(*) from submissions where tenant_id = ? group by invoice_id", tenant);
                webhookRecords = perKey(webhook, "select subject, count(*) from events where tenant_id = ? and type = 'invoice.finalized' "
                        + "group by subject", tenant);
            }
            if (submissions.keySet().containsAll(finalized) && webhookRecords.keySet().containsAll(finalized)) {
                break;
            }
            Thread.sleep(500);
        }
        long stored;
        long storedFinalized;
        try (Connection invoices = stack.database("risiti_invoice")) {
            stored = count(invoices, "select count(*) from invoices where tenant_id = ?", tenant);
            storedFinalized = count(invoices, "select count(*) from invoices where tenant_id = ? and status = 'FINALIZED'", tenant);
        }
        Map<String, Long> submitted = submissions;
        Map<String, Long> recorded = webhookRecords;
        long missingSubmissions = finalized.stream().filter(id -> !submitted.containsKey(id)).count();
        long missingWebhook = finalized.stream().filter(id -> !recorded.containsKey(id)).count();
        long extraSubmissions = submissions.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long extraWebhook = webhookRecords.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long extraInvoices = Math.max(0, stored - created.size());
        long missingInvoices = Math.max(0, created.size() - stored);
        System.out.printf("  invoices: %d created by the client, %d stored (%d finalized); %d NRS submissions (%d missing, %d extra); "
                        + "%d webhook records (%d missing, %d extra)%n", created.size(), stored, storedFinalized, submissions.size(),
                missingSubmissions, extraSubmissions, webhookRecords.size(), missingWebhook, extraWebhook);
        counts.lost += missingSubmissions + missingWebhook + missingInvoices + Math.max(0, finalized.size() - storedFinalized);
        counts.duplicated += extraSubmissions + extraWebhook + extraInvoices;
        return counts;
    }

    /** How often each of {@code ids} is on the topic, read committed-only from the beginning. */
    private static Map<String, Integer> copiesOnTopic(String topic, Set<String> ids) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Map<String, Integer> copies = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    String eventId = id == null ? null : new String(id.value(), java.nio.charset.StandardCharsets.UTF_8);
                    if (eventId != null && ids.contains(eventId)) {
                        copies.merge(eventId, 1, Integer::sum);
                    }
                }
            }
        }
        return copies;
    }

    private static Map<String, Long> perKey(Connection db, String sql, UUID tenant) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static long count(Connection db, String sql, UUID tenant) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (tenant != null) {
                query.setObject(1, tenant);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private FaultBenchmark() {
    }
}
