package ng.risiti.invoice.sending.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Invoice;

/**
 * One invoice on its way to one recipient over one channel. Written pending in the send's transaction; the
 * dispatcher then claims it, hands it to the provider and records what happened (docs/specification.md, Sending).
 */
@Entity
@Table(name = "invoice_deliveries")
public class InvoiceDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    @Column(name = "test_mode")
    public boolean testMode;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;
    /** An email address, or a WhatsApp number in E.164. */
    public String recipient;
    /** The sender's note for the email body; null without one. */
    public String message;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** A delivery of {@code invoice} due at once. */
    public static InvoiceDelivery pending(UUID id, Invoice invoice, Recipient recipient, String message, OffsetDateTime at) {
        InvoiceDelivery delivery = new InvoiceDelivery();
        delivery.id = id;
        delivery.tenantId = invoice.tenantId;
        delivery.testMode = invoice.testMode;
        delivery.invoiceId = invoice.id;
        delivery.channel = recipient.channel();
        delivery.recipient = recipient.address();
        delivery.message = message;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = at;
        delivery.createdAt = at;
        return delivery;
    }
}
