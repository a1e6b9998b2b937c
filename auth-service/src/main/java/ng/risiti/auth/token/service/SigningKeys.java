package ng.risiti.auth.token.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
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
import ng.risiti.platform.request.UuidV7;
import org.jboss.logging.Logger;

/**
 * The RS256 keys of this deployment, kept in the auth database so every replica signs with the same key and
 * publishes the same JWKS. The first replica to start creates the key; later ones (and racers) load it.
 */
@ApplicationScoped
public class SigningKeys {

    /** Signing key for access tokens: the private key and the {@code kid} its tokens name. */
    public record Active(String kid, PrivateKey privateKey) {
    }

    /** A key as the JWKS publishes it. */
    public record Published(String kid, RSAPublicKey publicKey) {
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
