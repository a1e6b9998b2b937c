package ng.risiti.nrs.integrations.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Xero, QuickBooks or WhatsApp as the settings page lists them: connected or not, with their non-secret settings. Only
 * the state is kept; the syncs themselves are out of scope (nrs-gateway-service/README.md).
 */
@Entity
@Table(name = "integration_connections")
@IdClass(IntegrationConnection.Key.class)
public class IntegrationConnection extends PanacheEntityBase {

    public static final List<String> NAMES = List.of("xero", "quickbooks", "whatsapp");

    public record Key(UUID tenantId, String name) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Id
    public String name;
    public boolean connected;
    /** JSON object text. */
    public String settings;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
