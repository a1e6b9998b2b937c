package ng.risiti.auth.account.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ng.risiti.auth.account.config.AccountConfig;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). The
 * parameters are OWASP's minimum for Argon2id ({@link AccountConfig}); verification reads them from the stored string,
 * so raising them later only affects new hashes. Each call costs ~19 MB and tens of milliseconds: run it on a worker.
 */
@ApplicationScoped
@Startup
public class PasswordHasher {

    static final int MIN_MEMORY_KIB = 19456;
    static final int MIN_ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when the email is unknown, so a miss costs the same time as a wrong password. */
    private volatile String dummy;

    @Inject
    public PasswordHasher(AccountConfig config) {
        this(config.passwordHashMemoryKib(), config.passwordHashIterations(), LaunchMode.current() == LaunchMode.TEST);
    }

    PasswordHasher(int memoryKib, int iterations, boolean test) {
        if (!test && (memoryKib < MIN_MEMORY_KIB || iterations < MIN_ITERATIONS)) {
            throw new IllegalStateException("risiti.auth.account.password-hash-memory-kib/-iterations (" + memoryKib + " KiB, " + iterations
                    + ") are below OWASP's minimum for Argon2id (" + MIN_MEMORY_KIB + " KiB, " + MIN_ITERATIONS + "); only tests may go lower");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code encoded}; a null or unreadable hash never matches (but costs the same). */
    public boolean verify(String encoded, String password) {
        Matcher phc = encoded == null ? null : PHC.matcher(encoded);
        if (phc == null || !phc.matches()) {
            verify(dummy(), password);
            return false;
        }
        int memory = Integer.parseInt(phc.group(1));
        int iterations = Integer.parseInt(phc.group(2));
        int parallelism = Integer.parseInt(phc.group(3));
        byte[] salt = B64_DECODER.decode(phc.group(4));
        byte[] expected = B64_DECODER.decode(phc.group(5));
        byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Burns the time of one verification; used when there is no account to verify against. */
    public boolean verifyNothing(String password) {
        verify(dummy(), password);
        return false;
    }

    private String dummy() {
        String current = dummy;
        if (current == null) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            current = hash(Base64.getEncoder().encodeToString(secret));
            dummy = current;
        }
        return current;
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
