package ng.risiti.platform.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting to be published, written in the same transaction as the change it describes. */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String topic;
    @Column(name = "partition_key", nullable = false)
    public String partitionKey;
    @Column(nullable = false)
    public String type;
    @Column(nullable = false)
    public String source;
    public String subject;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
    @Column(nullable = false)
    public String data;
}
