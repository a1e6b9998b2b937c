package ng.risiti.platform.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant's note: the test application's one piece of tenant data. */
@Entity
@Table(name = "notes")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "test_mode")
    public boolean testMode;
    public String text;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
