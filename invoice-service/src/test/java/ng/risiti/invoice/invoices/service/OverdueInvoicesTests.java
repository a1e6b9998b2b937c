package ng.risiti.invoice.invoices.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** The overdue job: every invoice that falls overdue is flagged and announced once, however many runs overlap. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class OverdueInvoicesTests {

    @Inject
    OverdueInvoices overdue;
    @Inject
    Scheduler scheduler;

    private static String dueOn(UUID customer, String dueDate) {
        return InvoiceTestFixtures.invoiceBody(customer).replace("\"due_date\":\"2025-04-23\"", "\"due_date\":\"" + dueDate + "\"");
    }

    /** One run of the job, as the scheduler starts it: on a Vert.x context of its own, awaited. */
    private int run() {
        try {
            return VertxContextSupport.subscribeAndAwait(overdue::flag);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static long overdueEvents(String invoiceId) throws Exception {
        return InvoiceTestFixtures.count("select count(*) from outbox_events where type = 'invoice.overdue' and partition_key = ?::text",
                UUID.fromString(invoiceId));
    }

    @Test
    void theScheduledJobFlagsAnIssuedInvoicePastItsDueDateOnceAndLeavesTheOthersAlone() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.customer("Slow Payer Ltd", "98765432-0001");
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        String past;
        String notDue;
        String draft;
        String voided;
        scheduler.pause(OverdueInvoices.JOB);
        try {
            past = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
            notDue = tenant.finalizedInvoice(dueOn(customer, "2099-12-31"));
            draft = tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                    .extract().path("data.id");
            voided = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
            tenant.owner().post("/api/v1/invoices/" + voided + "/void").then().statusCode(200);
            tenant.owner().get("/api/v1/invoices/" + past).then().body("data.overdue", equalTo(false));
        } finally {
            scheduler.resume(OverdueInvoices.JOB);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                tenant.owner().get("/api/v1/invoices/" + past).then().statusCode(200)
                        .body("data.overdue", equalTo(true))
                        .body("data.status", equalTo("finalized")));
        tenant.owner().get("/api/v1/invoices").then().statusCode(200)
                .body("data.find { it.id == '" + past + "' }.overdue", equalTo(true))
                .body("data.find { it.id == '" + notDue + "' }.overdue", equalTo(false));
        var event = events.first("invoice.overdue", record -> past.equals(record.key()), Duration.ofSeconds(15));
        assertThat(KafkaTopicReader.header(event, "ce_tenantid")).isEqualTo(tenant.tenantId.toString());
        assertThat(event.value()).contains("\"due_date\":\"2025-04-23\"").contains("\"amount_due_kobo\":37625000");

        // the run that flagged it looked at every candidate: the others were not, and never will be while they stay as they are
        for (String other : List.of(notDue, draft, voided)) {
            assertThat(overdueEvents(other)).as(other).isZero();
            tenant.owner().get("/api/v1/invoices/" + other).then().body("data.overdue", equalTo(false));
        }
        assertThat(InvoiceTestFixtures.count("select count(*) from invoices where id = ? and overdue_at is not null", UUID.fromString(draft)))
                .isZero();

        // later runs leave a flagged invoice alone; voiding it ends "overdue" without a second event
        run();
        tenant.owner().post("/api/v1/invoices/" + past + "/void").then().statusCode(200).body("data.overdue", equalTo(false));
        run();
        assertThat(overdueEvents(past)).isEqualTo(1);
        events.close();
    }

    @Test
    void concurrentRunsOfTheJobAnnounceEachOverdueInvoiceExactlyOnce() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.customer("Many Invoices Ltd", "98765432-0002");
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        List<String> ids = new ArrayList<>();
        List<Integer> flaggedByRun = new ArrayList<>();
        scheduler.pause(OverdueInvoices.JOB);
        try {
            for (int i = 0; i < 24; i++) {
                ids.add(tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer)));
            }
            // four replicas' runs at once, each in batches of 5 (the test configuration), over the same 24 invoices
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Callable<Integer> run = this::run;
                for (Future<Integer> flagged : pool.invokeAll(java.util.Collections.nCopies(4, run))) {
                    flaggedByRun.add(flagged.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(flaggedByRun.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(ids.size());
            for (String id : ids) {
                assertThat(overdueEvents(id)).as(id).isEqualTo(1);
            }
            assertThat(run()).isZero();
        } finally {
            scheduler.resume(OverdueInvoices.JOB);
        }

        Map<String, Integer> published = new HashMap<>();
        events.readUntil(seen -> {
            published.clear();
            seen.stream().filter(r -> "invoice.overdue".equals(KafkaTopicReader.header(r, "ce_type")) && ids.contains(r.key()))
                    .forEach(r -> published.merge(r.key(), 1, Integer::sum));
            return published.size() == ids.size();
        }, Duration.ofSeconds(20));
        events.close();
        assertThat(published.values()).containsOnly(1);
        for (String id : ids) {
            tenant.owner().get("/api/v1/invoices/" + id).then().body("data.overdue", equalTo(true));
        }
    }
}
