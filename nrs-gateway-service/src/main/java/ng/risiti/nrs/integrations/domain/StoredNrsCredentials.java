package ng.risiti.nrs.integrations.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A tenant's NRS credentials as stored: secrets sealed (platform SecretBox), never readable from this row alone. */
@Entity
@Table(name = "nrs_credentials")
public class StoredNrsCredentials extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "api_key")
    public byte[] apiKey;
    @Column(name = "api_key_last4")
    public String apiKeyLast4;
    @Column(name = "api_secret")
    public byte[] apiSecret;
    @Column(name = "api_secret_last4")
    public String apiSecretLast4;
    @Column(name = "public_key")
    public byte[] publicKey;
    public byte[] certificate;
    @Column(name = "service_id")
    public String serviceId;
    @Column(name = "business_id")
    public String businessId;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** What a live submission still lacks, by the API's field names; empty when it can go to NRS. */
    public static List<String> missing(StoredNrsCredentials stored) {
        List<String> missing = new ArrayList<>();
        if (stored == null || stored.apiKey == null) {
            missing.add("api_key");
        }
        if (stored == null || stored.apiSecret == null) {
            missing.add("api_secret");
        }
        if (stored == null || stored.businessId == null) {
            missing.add("business_id");
        }
        return missing;
    }
}
