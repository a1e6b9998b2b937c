package ng.risiti.invoice.paypage.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.PaymentMethod;
import ng.risiti.invoice.payments.service.NewPayment;
import ng.risiti.invoice.payments.service.PaymentService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.contract.InvoicePaymentCaptured;
import ng.risiti.platform.security.Tenancy;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Records the payments Paystack captured on pay pages ({@code paystack.invoice_payment_captured} on
 * {@code risiti.billing.v1}) through record-payment's own use case: {@code payment.received}, {@code invoice.paid}
 * when nothing is left, a numbered receipt. Once per event (the inbox) and once per Paystack reference (the payments'
 * unique reference): the same charge delivered twice is one payment. Money that cannot be applied (the invoice was
 * voided or paid otherwise meanwhile) goes to the dead-letter topic for an operator to refund, never silently away.
 */
@ApplicationScoped
public class InvoicePaymentConsumer implements EventConsumer {

    public static final String CHANNEL = "billing";
    private static final Logger LOG = Logger.getLogger(InvoicePaymentConsumer.class);

    private final Consumers consumers;
    private final PaymentService payments;
    private final ObjectMapper json;
    private final Clock clock;

    public InvoicePaymentConsumer(Consumers consumers, PaymentService payments, ObjectMapper json, Clock clock) {
        this.consumers = consumers;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean wants(String type) {
        return EventTypes.INVOICE_PAYMENT_CAPTURED.equals(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        InvoicePaymentCaptured captured = event.data(json, InvoicePaymentCaptured.class);
        if (captured.tenantId() == null || captured.invoiceId() == null || captured.reference() == null || captured.amountKobo() <= 0) {
            throw new PermanentEventFailure("event " + event.id() + " names no tenant, invoice, reference or amount");
        }
        UUID tenant = event.tenantId() != null ? event.tenantId() : captured.tenantId();
        boolean test = event.test() != null ? event.test() : captured.testMode();
        LocalDate paidOn = (captured.paidAt() == null ? clock.instant().atZone(PaymentService.LAGOS)
                : captured.paidAt().atZoneSameInstant(PaymentService.LAGOS)).toLocalDate();
        NewPayment payment = new NewPayment(Kobo.of(captured.amountKobo()), PaymentMethod.ONLINE, paidOn, captured.reference(),
                "Paid online through Paystack on the invoice's pay page");
        return payments.recordCaptured(new Tenancy(tenant, test), captured.invoiceId(), payment)
                .invoke(recorded -> {
                    if (recorded == null) {
                        LOG.infof("Paystack payment %s on invoice %s was recorded before", captured.reference(), captured.invoiceId());
                    }
                })
                .onFailure(ApiException.class).transform(refused -> new PermanentEventFailure("Paystack payment " + captured.reference()
                        + " of " + captured.amount() + " on invoice " + captured.invoiceId() + " cannot be recorded (refund it): "
                        + refused.getMessage()))
                .replaceWithVoid();
    }
}
