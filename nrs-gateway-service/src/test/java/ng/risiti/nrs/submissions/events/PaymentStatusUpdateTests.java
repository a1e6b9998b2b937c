package ng.risiti.nrs.submissions.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.nrs.NrsSandboxStub;
import ng.risiti.nrs.NrsStub;
import ng.risiti.nrs.submissions.NrsSubmissions;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** NRS is told when a submitted invoice is paid, partially paid or cancelled (PATCH /api/v1/invoice/update/{irn}). */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(NrsStub.class)
@QuarkusTestResource(NrsSandboxStub.class)
class PaymentStatusUpdateTests {

    final NrsSubmissions nrs = new NrsSubmissions();

    /** An invoice event as invoice-service writes it (payment.received carries the payment beside the snapshot). */
    String publish(String type, UUID invoice, String irn, String status, long version, String reference) {
        String data = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"%s","status":"%s","customer_id":"%s","currency":"NGN",
                 "issue_date":"2025-06-11","total_amount":"1075.00","total_amount_kobo":107500,"irn":"%s","test_mode":true%s}"""
                .formatted(invoice, nrs.tenantId, irn.substring(0, irn.indexOf('-')), status, UUID.randomUUID(), irn,
                        reference == null ? "" : ",\"payment_id\":\"" + UUID.randomUUID() + "\",\"reference\":\"" + reference + "\"");
        String id = UUID.randomUUID().toString();
        TestEvents.publish("risiti.invoices.v1", invoice.toString(), id, type, nrs.tenantId, version, data);
        return id;
    }

    /** Whether the consumer has applied the event (its inbox row). */
    static boolean applied(String eventId) throws Exception {
        try (var db = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("nrs"));
                var query = db.prepareStatement("select count(*) from inbox_events where event_id = ?")) {
            query.setString(1, eventId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }

    @Test
    void aSubmittedInvoicePaidInFullIsMarkedPaidAtNrs() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        nrs.submit(invoice, irn).statusCode(202);
        nrs.awaitStatus(invoice, "submitted");

        publish("invoice.paid", invoice, irn, "paid", TestEvents.nextVersion(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(NrsSandboxStub.paymentStatus(irn)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath detail = nrs.detail(invoice);
            assertThat(detail.getString("data.payment_status.wanted")).isEqualTo("PAID");
            assertThat(detail.getString("data.payment_status.at_nrs")).isEqualTo("PAID");
            assertThat(detail.getList("data.attempt_log.step")).endsWith("update_payment");
        });
    }

    @Test
    void aPartPaymentMadeWhileTheSubmissionWasOnItsWayReachesNrsOnceItIsSubmittedWithItsReference() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        NrsSandboxStub.fault(irn, "validate", 503, 2, 0, null);
        nrs.submit(invoice, irn).statusCode(202);
        publish("payment.received", invoice, irn, "partial", TestEvents.nextVersion(), "PSK-123");
        nrs.awaitStatus(invoice, "submitted");
        await().atMost(Duration.ofSeconds(20)).until(() -> "PARTIAL|PSK-123".equals(NrsSandboxStub.paymentStatus(irn)));
    }

    @Test
    void anOlderEventArrivingLateNeverUndoesANewerStatus() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        nrs.submit(invoice, irn).statusCode(202);
        nrs.awaitStatus(invoice, "submitted");
        long older = TestEvents.nextVersion();
        long newer = TestEvents.nextVersion();
        publish("invoice.voided", invoice, irn, "cancelled", newer, null);
        String late = publish("payment.received", invoice, irn, "partial", older, "PSK-OLD");
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELED".equals(NrsSandboxStub.paymentStatus(irn)));
        // the late one was applied, and changed nothing
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(late));
        assertThat(nrs.detail(invoice).getString("data.payment_status.wanted")).isEqualTo("CANCELED");
        assertThat(NrsSandboxStub.paymentStatus(irn)).isEqualTo("CANCELED");
    }

    @Test
    void anInvoiceNeverSubmittedIsNotUpdatedAtNrs() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        publish("invoice.finalized", invoice, irn, "finalized", TestEvents.nextVersion(), null);
        publish("invoice.paid", invoice, irn, "paid", TestEvents.nextVersion(), null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(nrs.detail(invoice).getString("data.payment_status.wanted"))
                .isEqualTo("PAID"));
        assertThat(nrs.detail(invoice).getString("data.status")).isEqualTo("pending");
        assertThat(NrsSandboxStub.calls(irn)).isZero();
    }
}
