package ng.risiti.invoice.signing.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.invoice.signing.domain.TenantSigningKey;
import ng.risiti.invoice.signing.repository.TenantSigningKeyRepository;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.crypto.SecretBox;
import ng.risiti.platform.time.Clocks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs an invoice's canonical form with its tenant's RSA key as a compact RS256 JWS. A tenant's key is made on
 * its first finalize (on a worker: RSA key generation takes tens of milliseconds), stored sealed with the service key
 * ({@link SecretBox}), and cached per process.
 */
@ApplicationScoped
public class InvoiceSigner {

    record TenantKey(String kid, PrivateKey privateKey) {
    }

    private final TenantSigningKeyRepository keys;
    private final SecretBox box;
    private final Clock clock;
    private final Map<UUID, TenantKey> cache = new ConcurrentHashMap<>();

    public InvoiceSigner(TenantSigningKeyRepository keys, SecretBox box, Clock clock) {
        this.keys = keys;
        this.box = box;
        this.clock = clock;
    }

    public Uni<String> sign(UUID tenantId, byte[] canonical) {
        return keyOf(tenantId).flatMap(key -> Offload.run(() -> jws(key, canonical)));
    }

    private Uni<TenantKey> keyOf(UUID tenantId) {
        TenantKey cached = cache.get(tenantId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> keys.findById(tenantId))
                .flatMap(stored -> stored != null ? Uni.createFrom().item(stored)
                        : Offload.run(() -> generate(tenantId)).flatMap(fresh -> Panache.withTransaction(() -> keys.insertIfAbsent(fresh))))
                .map(stored -> cache.computeIfAbsent(tenantId, ignored -> decode(stored)));
    }

    private TenantSigningKey generate(UUID tenantId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            TenantSigningKey key = new TenantSigningKey();
            key.tenantId = tenantId;
            key.kid = "inv-" + UUID.randomUUID();
            key.publicKey = pair.getPublic().getEncoded();
            key.privateKey = box.seal(pair.getPrivate().getEncoded(), context(tenantId));
            key.createdAt = Clocks.now(clock);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate RSA key", e);
        }
    }

    private TenantKey decode(TenantSigningKey stored) {
        try {
            // keys stored before they were sealed are read as they are
            byte[] pkcs8 = SecretBox.sealed(stored.privateKey) ? box.open(stored.privateKey, context(stored.tenantId)) : stored.privateKey;
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new TenantKey(stored.kid, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key is unreadable", e);
        }
    }

    private static String context(UUID tenantId) {
        return "invoice-signing-key:" + tenantId;
    }

    private static String jws(TenantKey key, byte[] canonical) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayloadBytes(canonical);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKeyIdHeaderValue(key.kid());
            jws.setKey(key.privateKey());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign invoice", e);
        }
    }
}
