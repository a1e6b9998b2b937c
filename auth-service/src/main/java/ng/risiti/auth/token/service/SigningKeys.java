package ng.risiti.auth.token.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import ng.risiti.auth.token.SigningKey;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.auth.token.repository.SigningKeyRepository;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.request.UuidV7;
import org.jboss.logging.Logger;

/**
 * The RS256 keys of this deployment, kept in the auth database so every replica signs with the same key and
 * publishes the same JWKS. The first replica to start creates the key; later ones (and racers) load it.
 * <p>
 * Rotation: a new key becomes active and the old one is retired ({@code retired_at}); the JWKS keeps a retired key
 * for {@code retired-key-publication}, so tokens it signed verify until they expire. Replicas reload the active key
 * every {@code key-refresh-interval} and rotate it once it is {@code rotation-interval} old; an operator rotates at
 * once through {@code POST /internal/signing-keys/rotate}. The unique partial index on active keys and the
 * conditional retirement (row lock) make racing replicas end with exactly one active key.
 */
@ApplicationScoped
public class SigningKeys {

    /** Signing key for access tokens: the private key and the {@code kid} its tokens name. */
    public record Active(String kid, PrivateKey privateKey) {
    }

    /** A key as the JWKS publishes it. */
    public record Published(String kid, RSAPublicKey publicKey) {
    }

    /** The outcome of a rotation: the key now active, and the key retired by it (null if another replica's rotation won). */
    public record Rotation(String kid, String retiredKid, OffsetDateTime retiredAt) {
    }

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final int RSA_BITS = 2048;

    private final SigningKeyRepository repository;
    private final TokenConfig config;
    private volatile Active active;

    public SigningKeys(SigningKeyRepository repository, TokenConfig config) {
        this.repository = repository;
        this.config = config;
    }

    void onStart(@Observes StartupEvent ignored) throws Throwable {
        if (config.retiredKeyPublication().compareTo(config.accessTokenLifetime()) <= 0) {
            throw new IllegalStateException("risiti.auth.token.retired-key-publication (" + config.retiredKeyPublication()
                    + ") must exceed the access-token lifetime (" + config.accessTokenLifetime()
                    + "), or tokens signed just before a rotation stop verifying before they expire");
        }
        active = VertxContextSupport.subscribeAndAwait(this::loadOrCreate);
        LOG.infof("Signing access tokens with key %s", active.kid());
    }

    /** The key new tokens are signed with. */
    public Active active() {
        Active current = active;
        if (current == null) {
            throw new IllegalStateException("signing key not loaded yet");
        }
        return current;
    }

    /** Every key whose tokens may still be in use, newest first. */
    public Uni<List<Published>> published() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retiredKeyPublication());
        return Panache.withSession(() -> repository.published(since))
                .map(keys -> keys.stream().map(key -> new Published(key.kid, publicKey(key.publicKey))).toList());
    }

    /** Operator rotation: retires whatever key is active now and activates a new one; this replica signs with it at once. */
    public Uni<Rotation> rotate() {
        return rotate(null);
    }

    /**
     * Every {@code key-refresh-interval}: picks up a key another replica or an operator activated, and rotates the
     * active key when it is due. Only the replica whose conditional retirement wins creates the new key.
     */
    @Scheduled(identity = "signing-key-refresh", every = "${risiti.auth.token.key-refresh-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refreshAndRotateWhenDue() {
        return Panache.withSession(repository::findActive).flatMap(current -> {
            if (current == null) {
                return loadOrCreate();
            }
            if (due(current)) {
                return rotate(current.kid).map(rotation -> active);
            }
            if (active == null || !active.kid().equals(current.kid)) {
                LOG.infof("Signing access tokens with key %s (activated elsewhere)", current.kid);
            }
            return Uni.createFrom().item(new Active(current.kid, privateKey(current.privateKey)));
        }).invoke(key -> active = key).replaceWithVoid();
    }

    private boolean due(SigningKey key) {
        var interval = config.rotationInterval();
        return !interval.isZero() && !interval.isNegative()
                && key.createdAt.plus(interval).isBefore(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Retires the active key ({@code onlyKid}: only if it is still that key) and inserts a new active key, in one
     * transaction holding the active row's lock. A racer that waited for the lock finds no active row (or, scheduled,
     * a different one), or its insert meets the winner's new key on the unique index: it changes nothing and adopts
     * the key that won.
     */
    private Uni<Rotation> rotate(String onlyKid) {
        return Offload.run(SigningKeys::generate).flatMap(fresh -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            Rotation lost = new Rotation(null, null, null);
            return Panache.withTransaction(() -> repository.lockActive().flatMap(previous -> {
                        if (onlyKid != null && (previous == null || !onlyKid.equals(previous.kid))) {
                            return Uni.createFrom().item(lost);
                        }
                        Uni<Integer> retire = previous == null ? Uni.createFrom().item(0) : repository.retire(previous.kid, now);
                        return retire.flatMap(retired -> repository.insertIfNoneActive(fresh).map(stored -> stored
                                ? new Rotation(fresh.kid, retired > 0 ? previous.kid : null, retired > 0 ? now : null)
                                : lost));
                    }))
                    .flatMap(rotation -> Panache.withSession(repository::findActive).map(current -> {
                        active = new Active(current.kid, privateKey(current.privateKey));
                        if (rotation.kid() != null) {
                            LOG.infof("Rotated signing key: %s active, %s retired", rotation.kid(), rotation.retiredKid());
                            return rotation;
                        }
                        return new Rotation(current.kid, null, null);
                    }));
        });
    }

    private Uni<Active> loadOrCreate() {
        return Panache.withTransaction(() -> repository.findActive().flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            SigningKey fresh = generate();
            return repository.insertIfNoneActive(fresh)
                    .flatMap(stored -> {
                        if (stored) {
                            LOG.infof("Created signing key %s", fresh.kid);
                        }
                        return repository.findActive();
                    });
        })).map(key -> new Active(key.kid, privateKey(key.privateKey)));
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey();
            key.kid = UuidV7.next().toString();
            key.publicKey = pair.getPublic().getEncoded();
            key.privateKey = pair.getPrivate().getEncoded();
            key.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            key.active = true;
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key is not a PKCS#8 RSA key", e);
        }
    }

    private static RSAPublicKey publicKey(byte[] x509) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key is not an X.509 RSA key", e);
        }
    }
}
