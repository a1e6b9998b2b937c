package ng.risiti.webhook.intake.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A public event received from Kafka, the source of a tenant's webhook deliveries. */
@Entity
@Table(name = "events")
public class Event extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String type;
    public String subject;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String data;
    /** From ce_mode: true for test-mode data, false for live, null for events that are neither. */
    @Column(name = "test_mode")
    public Boolean testMode;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
