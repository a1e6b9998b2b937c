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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.token.config.TokenConfig;
import ng.risiti.auth.token.domain.SigningKey;
import ng.risiti.auth.token.repository.SigningKeyRepository;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.crypto.SecretBox;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * The RS256 keys of this deployment, kept in the auth database so every replica signs with the same key and
 * publishes the same JWKS. The first replica to start creates the key; later ones (and racers) load it.
 * <p>
 * Rotation publishes ahead of use: it creates the next key as pending (in the JWKS at once, signing nothing), and
 * the key becomes active only once {@code key-publication-lead} has passed. Verifiers cache the JWKS for up to
 * {@code jwks-max-age}, shorter than the lead, so each has the new key before the first token it signs; a key that
 * signed at once would be unknown to them for up to a minute (their forced refresh), and its tokens refused.
 * Activating the next key retires the active one ({@code retired_at}); the JWKS keeps a retired key for
 * {@code retired-key-publication}, so tokens it signed verify until they expire.
 * <p>
 * Every {@code key-refresh-interval} each replica activates a pending key whose time has come, publishes the next key
 * once the active one has signed for {@code rotation-interval}, and reloads the active key. Operators rotate through
 * {@code POST /internal/signing-keys/rotate} the same way, or with {@code immediate} (a leaked key) activate a new key
 * at once. Every change takes the active row's lock first; with the unique partial indexes on the active and the
 * pending key and the conditional updates, racing replicas end with exactly one active key and at most one pending.
 */
@ApplicationScoped
public class SigningKeys {

    /** Signing key for access tokens: the private key and the {@code kid} its tokens name. */
    public record Active(String kid, PrivateKey privateKey) {
    }

    /** A key as the JWKS publishes it. */
    public record Published(String kid, RSAPublicKey publicKey) {
    }

    /**
     * The outcome of a rotation: the new key (another replica's or operator's if a concurrent rotation won) and when it
     * signs from, and the key retired by this rotation; that is null unless it activated a key at once, because
     * publishing ahead retires the active key only when the new one is activated.
     */
    public record Rotation(String kid, OffsetDateTime activatesAt, String retiredKid, OffsetDateTime retiredAt) {
    }

    private record Stored(SigningKey active, SigningKey pending) {
    }

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final int RSA_BITS = 2048;

    private final SigningKeyRepository repository;
    private final TokenConfig config;
    private final SecretBox box;
    private final Clock clock;
    private volatile Active active;

    public SigningKeys(SigningKeyRepository repository, TokenConfig config, SecretBox box, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.box = box;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent ignored) throws Throwable {
        validate(config);
        active = VertxContextSupport.subscribeAndAwait(this::loadOrCreate);
        LOG.infof("Signing access tokens with key %s", active.kid());
    }

    static void validate(TokenConfig config) {
        if (config.retiredKeyPublication().compareTo(config.accessTokenLifetime()) <= 0) {
            throw new IllegalStateException("risiti.auth.token.retired-key-publication (" + config.retiredKeyPublication()
                    + ") must exceed the access-token lifetime (" + config.accessTokenLifetime()
                    + "), or tokens signed just before a rotation stop verifying before they expire");
        }
        if (config.keyPublicationLead().compareTo(config.jwksMaxAge()) <= 0) {
            throw new IllegalStateException("risiti.auth.token.key-publication-lead (" + config.keyPublicationLead()
                    + ") must exceed risiti.auth.token.jwks-max-age (" + config.jwksMaxAge()
                    + "), or verifiers still holding a cached JWKS refuse tokens signed with a rotated-in key");
        }
    }

    /** The key new tokens are signed with. */
    public Active active() {
        Active current = active;
        if (current == null) {
            throw new IllegalStateException("signing key not loaded yet");
        }
        return current;
    }

    /** Every key whose tokens may be in use (the active and the pending key, recently retired keys), newest first. */
    public Uni<List<Published>> published() {
        OffsetDateTime since = Clocks.now(clock).minus(config.retiredKeyPublication());
        return Panache.withSession(() -> repository.published(since))
                .map(keys -> keys.stream().map(key -> new Published(key.kid, publicKey(key.publicKey))).toList());
    }

    /**
     * Operator rotation: publishes a new key now, which signs once {@code key-publication-lead} has passed (then the
     * active key retires). If a next key is already published, that one stands and is returned.
     */
    public Uni<Rotation> rotate() {
        return publishNext(null);
    }

    /**
     * Operator rotation for a leaked key: a new key signs at once, and the active key and any pending one retire and
     * are withdrawn from the JWKS now, so a verifier that fetches it stops accepting tokens signed with them. (Verifiers
     * that have not fetched the JWKS since refuse the new key's tokens until they do, at most a minute.)
     */
    public Uni<Rotation> rotateImmediately() {
        return Offload.run(() -> generate(null)).flatMap(fresh -> {
            OffsetDateTime now = fresh.activatesAt;
            return Panache.withTransaction(() -> repository.lockActive().flatMap(previous -> {
                        Uni<Integer> retire = previous == null ? Uni.createFrom().item(0) : repository.retire(previous.kid, now);
                        // a pending key may have leaked with the active one, and would otherwise replace the new key later
                        return retire.call(() -> repository.retirePending(now)).call(() -> repository.withdrawRetiredAt(now))
                                .flatMap(retired -> repository.insertIfNoneActive(fresh).map(stored -> stored
                                        ? new Rotation(fresh.kid, now, retired > 0 ? previous.kid : null, retired > 0 ? now : null)
                                        : null));
                    }))
                    .flatMap(rotation -> adoptActive().map(current -> {
                        if (rotation != null) {
                            LOG.infof("Rotated signing key at once: %s active, %s retired", rotation.kid(), rotation.retiredKid());
                            return rotation;
                        }
                        return new Rotation(current.kid, current.activatesAt, null, null);
                    }));
        });
    }

    /**
     * Every {@code key-refresh-interval}: activates the pending key once its time has come, publishes the next key
     * when the active one is due, and picks up a key another replica or an operator activated. Only the replica whose
     * conditional update wins changes anything.
     */
    @Scheduled(identity = "signing-key-refresh", every = "${risiti.auth.token.key-refresh-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refreshAndRotateWhenDue() {
        return Panache.withSession(() -> repository.findActive()
                        .flatMap(current -> repository.findPending().map(pending -> new Stored(current, pending))))
                .flatMap(stored -> {
                    if (stored.active() == null) {
                        return loadOrCreate().invoke(key -> active = key).replaceWithVoid();
                    }
                    adopt(stored.active());
                    if (stored.pending() != null && !stored.pending().activatesAt.isAfter(Clocks.now(clock))) {
                        return activate(stored.pending().kid).replaceWithVoid();
                    }
                    if (stored.pending() == null && due(stored.active())) {
                        return publishNext(stored.active().kid).replaceWithVoid();
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private boolean due(SigningKey key) {
        var interval = config.rotationInterval();
        return !interval.isZero() && !interval.isNegative() && key.activatesAt.plus(interval).isBefore(Clocks.now(clock));
    }

    /**
     * Inserts the next key as pending, unless one is already ({@code onlyKid}: or the active key is no longer that
     * one), holding the active row's lock; returns the pending key that stands. The active key is unchanged.
     */
    private Uni<Rotation> publishNext(String onlyKid) {
        return Offload.run(() -> generate(config.keyPublicationLead())).flatMap(fresh -> Panache.withTransaction(() ->
                repository.lockActive().flatMap(current -> {
                    if (onlyKid != null && (current == null || !onlyKid.equals(current.kid))) {
                        return Uni.createFrom().item((Rotation) null);
                    }
                    return repository.insertIfNonePending(fresh).flatMap(stored -> {
                        if (stored) {
                            LOG.infof("Published signing key %s; it signs from %s", fresh.kid, fresh.activatesAt);
                            return Uni.createFrom().item(new Rotation(fresh.kid, fresh.activatesAt, null, null));
                        }
                        return repository.findPending().map(pending -> pending == null ? null
                                : new Rotation(pending.kid, pending.activatesAt, null, null));
                    });
                }))
                .flatMap(rotation -> rotation != null ? Uni.createFrom().item(rotation)
                        // lost to an activation or an immediate rotation: the key that won is the news
                        : adoptActive().map(current -> new Rotation(current.kid, current.activatesAt, null, null))));
    }

    /**
     * Retires the active key and activates the pending key {@code pendingKid}, in one transaction holding the active
     * row's lock. A racer that waited for the lock finds no active row and the key no longer pending: it changes nothing.
     */
    private Uni<SigningKey> activate(String pendingKid) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> repository.lockActive().flatMap(previous -> repository.findPending().flatMap(pending -> {
                    if (pending == null || !pending.kid.equals(pendingKid)) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Integer> retire = previous == null ? Uni.createFrom().item(0) : repository.retire(previous.kid, now);
                    return retire.flatMap(retired -> repository.activate(pendingKid, now).map(activated -> {
                        if (activated == 1) {
                            LOG.infof("Activated signing key %s, retired %s", pendingKid, retired > 0 ? previous.kid : null);
                        }
                        return activated == 1;
                    }));
                })))
                .flatMap(ignored -> adoptActive());
    }

    private Uni<SigningKey> adoptActive() {
        return Panache.withSession(repository::findActive).invoke(this::adopt);
    }

    private void adopt(SigningKey current) {
        Active known = active;
        if (known != null && known.kid().equals(current.kid)) {
            return;
        }
        if (known != null) {
            LOG.infof("Signing access tokens with key %s", current.kid);
        }
        active = new Active(current.kid, privateKey(current));
    }

    private Uni<Active> loadOrCreate() {
        return Panache.withTransaction(() -> repository.findActive().flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            SigningKey fresh = generate(null);
            return repository.insertIfNoneActive(fresh)
                    .flatMap(stored -> {
                        if (stored) {
                            LOG.infof("Created signing key %s", fresh.kid);
                        }
                        return repository.findActive();
                    });
        })).map(key -> new Active(key.kid, privateKey(key)));
    }

    /** A new key that signs after {@code lead}, or at once if null. */
    private SigningKey generate(Duration lead) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey();
            key.kid = UuidV7.next().toString();
            key.publicKey = pair.getPublic().getEncoded();
            // encrypted at rest, bound to its kid: a database dump alone cannot sign tokens
            key.privateKey = box.encrypt(pair.getPrivate().getEncoded(), UUID.fromString(key.kid));
            key.createdAt = Clocks.now(clock);
            key.activatesAt = lead == null ? key.createdAt : key.createdAt.plus(lead);
            key.active = lead == null;
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }


    /** Keys stored before encryption at rest are plain PKCS#8; they age out with rotation. */
    private PrivateKey privateKey(SigningKey key) {
        byte[] pkcs8 = SecretBox.sealed(key.privateKey) ? box.decrypt(key.privateKey, UUID.fromString(key.kid)) : key.privateKey;
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
