package ng.risiti.webhook.endpoints.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A URL of a tenant (in one world, live or test) that receives the events it subscribes to, signed with its secret. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "test_mode")
    public boolean testMode;
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> events;
    public String description;
    @Convert(converter = EndpointStatusColumn.class)
    public EndpointStatus status;
    @Column(name = "paused_reason")
    public String pausedReason;
    /** Sealed with SecretBox ({@link WebhookSecret#boxContext}). */
    public byte[] secret;
    @Column(name = "failing_since")
    public OffsetDateTime failingSince;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean subscribesTo(String type) {
        return events.contains(WebhookEvents.ALL) || events.contains(type);
    }
}
