package ng.risiti.auth.mfa.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.mfa.config.MfaConfig;
import ng.risiti.auth.mfa.domain.MfaBackupCode;
import ng.risiti.auth.mfa.domain.MfaChallenge;
import ng.risiti.auth.mfa.repository.MfaBackupCodeRepository;
import ng.risiti.auth.mfa.repository.MfaChallengeRepository;
import ng.risiti.auth.mfa.repository.MfaUserRepository;
import ng.risiti.auth.session.domain.Client;
import ng.risiti.auth.session.service.SignIn;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.crypto.SecretBox;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.time.Clocks;

/**
 * TOTP enrollment (setup, then a first valid code) and the second step of a sign-in: once a first factor (password,
 * provider) passed, a user with MFA on gets a challenge instead of a session. Secrets are encrypted with
 * {@link SecretBox}; backup codes and challenge tokens are stored only as hashes.
 */
@ApplicationScoped
public class MfaService {

    /** What POST /auth/mfa/setup hands out once. */
    public record Enrollment(String secret, String otpauthUri, String qrCode, List<String> backupCodes) {
    }

    /** A login waiting for its second factor. */
    public record Challenge(String token, OffsetDateTime expiresAt) {
    }

    /** A first factor passed, inside a transaction not committed yet: a session opened, or (MFA on) a challenge. */
    public record Passed(SignIn.Started started, Challenge challenge) {
    }

    /** What a first factor gets, after the commit: signed in, or (MFA on) a challenge for POST /auth/mfa/verify. */
    public record Outcome(SignIn.SignedIn signedIn, Challenge challenge) {
    }

    private static final int SECRET_BYTES = 20;
    private static final String WRONG_CODE = "Invalid MFA code.";
    private static final String BAD_CHALLENGE = "MFA token is invalid, expired or already used. Sign in again.";

    private final MfaUserRepository users;
    private final MfaBackupCodeRepository backupCodes;
    private final MfaChallengeRepository challenges;
    private final SignIn signIn;
    private final SecretBox box;
    private final MfaConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public MfaService(MfaUserRepository users, MfaBackupCodeRepository backupCodes, MfaChallengeRepository challenges,
            SignIn signIn, SecretBox box, MfaConfig config, Clock clock) {
        this.users = users;
        this.backupCodes = backupCodes;
        this.challenges = challenges;
        this.signIn = signIn;
        this.box = box;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A new TOTP secret (pending until {@link #confirmEnrollment} sees a code from it) and new backup codes, replacing
     * any earlier unfinished setup. Refused once MFA is enabled: turning it off or re-keying is a separate action.
     */
    public Uni<Enrollment> setup(Caller caller) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < config.backupCodes(); i++) {
            codes.add(newBackupCode());
        }
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> users.findInTenantForUpdate(caller.tenantId(), caller.userId()).flatMap(user -> {
            if (user == null) {
                return Uni.createFrom().<User>failure(ApiException.unauthorized("The user of this credential no longer exists."));
            }
            if (user.mfaEnabled) {
                return Uni.createFrom().<User>failure(ApiException.conflict("MFA is already enabled for this account."));
            }
            user.mfaPendingSecret = box.encrypt(secret, user.id);
            user.updatedAt = now;
            List<MfaBackupCode> rows = codes.stream().map(code -> backupCode(user.id, code, now)).toList();
            return backupCodes.deleteAllOf(user.id)
                    .flatMap(ignored -> backupCodes.persist(rows.stream()))
                    .replaceWith(user);
        })).flatMap(user -> Offload.run(() -> {
            String base32 = Totp.base32(secret);
            String uri = otpauthUri(user.email, base32);
            return new Enrollment(base32, uri, QrCodePng.dataUri(uri), codes);
        }));
    }

    /**
     * With a pending setup: a valid code from the new secret enables MFA. With MFA already on: a valid current code
     * just confirms identity. A wrong code is a 400 on {@code code}: the session itself is fine.
     */
    public Uni<Void> confirmEnrollment(Caller caller, String code) {
        return Panache.withTransaction(() -> users.findInTenantForUpdate(caller.tenantId(), caller.userId()).flatMap(user -> {
            if (user == null) {
                return Uni.createFrom().<Void>failure(ApiException.unauthorized("The user of this credential no longer exists."));
            }
            byte[] encrypted = user.mfaPendingSecret != null ? user.mfaPendingSecret : user.mfaSecret;
            if (encrypted == null) {
                return Uni.createFrom().<Void>failure(ApiException.unprocessable("MFA is not set up: call POST /auth/mfa/setup first."));
            }
            long step = Totp.match(box.decrypt(encrypted, user.id), normalize(code), Totp.step(clock.instant().getEpochSecond()), user.mfaLastStep);
            if (step < 0) {
                return Uni.createFrom().<Void>failure(ApiException.validation("code", "code is not a valid code from your authenticator app"));
            }
            user.mfaLastStep = step;
            if (user.mfaPendingSecret != null) {
                user.mfaSecret = user.mfaPendingSecret;
                user.mfaPendingSecret = null;
                user.mfaEnabled = true;
            }
            user.updatedAt = Clocks.now(clock);
            return Uni.createFrom().voidItem();
        }));
    }

    /**
     * A first factor (password, provider) passed, inside the caller's transaction: with MFA on, a challenge to complete
     * with POST /auth/mfa/verify; otherwise a session. {@link #finish} it after the commit.
     */
    public Uni<Passed> firstFactorPassed(User user, Client client) {
        if (user.mfaEnabled) {
            return openChallenge(user, client).map(challenge -> new Passed(null, challenge));
        }
        return signIn.open(user, client).map(started -> new Passed(started, null));
    }

    /** After the commit: the access token of the opened session, or the challenge as it is. */
    public Uni<Outcome> finish(Passed passed) {
        if (passed.started() == null) {
            return Uni.createFrom().item(new Outcome(null, passed.challenge()));
        }
        return signIn.complete(passed.started()).map(signedIn -> new Outcome(signedIn, null));
    }

    private Uni<Challenge> openChallenge(User user, Client client) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = Clocks.now(clock);
        MfaChallenge challenge = new MfaChallenge();
        challenge.id = UuidV7.next();
        challenge.userId = user.id;
        challenge.tokenHash = Credentials.hash(token);
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(config.challengeLifetime());
        challenge.userAgent = client.userAgent();
        challenge.ipAddress = client.ipAddress();
        return challenges.persist(challenge).map(ignored -> new Challenge(token, challenge.expiresAt));
    }

    /**
     * Exchanges an {@code mfa_token} and a TOTP or unused backup code for a session. The token works once, expires,
     * and is burned after {@code challenge-attempts} wrong codes; a backup code works once.
     */
    public Uni<SignIn.SignedIn> completeChallenge(String mfaToken, String code) {
        if (mfaToken == null || mfaToken.isBlank() || mfaToken.length() > 256) {
            return Uni.createFrom().failure(ApiException.unauthorized(BAD_CHALLENGE));
        }
        String given = normalize(code);
        record Attempt(SignIn.Started started, boolean wrongCode) {
        }
        return Panache.withTransaction(() -> challenges.findByHashForUpdate(Credentials.hash(mfaToken)).flatMap(challenge -> {
            OffsetDateTime now = Clocks.now(clock);
            if (challenge == null || !challenge.usableAt(now)
                    || challenge.attempts >= config.challengeAttempts()) {
                return Uni.createFrom().<Attempt>failure(ApiException.unauthorized(BAD_CHALLENGE));
            }
            return users.findForUpdate(challenge.userId).flatMap(user -> {
                if (user == null || !user.mfaEnabled || user.mfaSecret == null) {
                    return Uni.createFrom().<Attempt>failure(ApiException.unauthorized(BAD_CHALLENGE));
                }
                return secondFactor(user, given, now).flatMap(valid -> {
                    if (!valid) {
                        // counted and committed: the 401 is raised after the transaction
                        challenge.attempts++;
                        return Uni.createFrom().item(new Attempt(null, true));
                    }
                    challenge.usedAt = now;
                    return signIn.open(user, new Client(challenge.userAgent, challenge.ipAddress))
                            .map(started -> new Attempt(started, false));
                });
            });
        })).flatMap(attempt -> attempt.wrongCode()
                ? Uni.createFrom().failure(ApiException.unauthorized(WRONG_CODE))
                : signIn.complete(attempt.started()));
    }

    /** A TOTP code (6 digits, not used before) or an unused backup code, which is then spent. */
    private Uni<Boolean> secondFactor(User user, String code, OffsetDateTime now) {
        if (code.matches("\\d{6}")) {
            long step = Totp.match(box.decrypt(user.mfaSecret, user.id), code, Totp.step(clock.instant().getEpochSecond()), user.mfaLastStep);
            if (step < 0) {
                return Uni.createFrom().item(false);
            }
            user.mfaLastStep = step;
            return Uni.createFrom().item(true);
        }
        if (!code.matches("[0-9a-f]{4}-[0-9a-f]{4}")) {
            return Uni.createFrom().item(false);
        }
        return backupCodes.findUnusedForUpdate(user.id, box.keyedHash(user.id + ":" + code)).map(backup -> {
            if (backup == null) {
                return false;
            }
            backup.usedAt = now;
            return true;
        });
    }

    @Scheduled(every = "15m", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetExpiredChallenges() {
        return Panache.withTransaction(() -> challenges.deleteExpired(Clocks.now(clock).minusHours(1))).replaceWithVoid();
    }

    private MfaBackupCode backupCode(UUID userId, String code, OffsetDateTime now) {
        MfaBackupCode row = new MfaBackupCode();
        row.id = UuidV7.next();
        row.userId = userId;
        // salted by the user id: equal codes of two users never share a hash (code_hash is unique)
        row.codeHash = box.keyedHash(userId + ":" + code);
        row.createdAt = now;
        return row;
    }

    /** {@code 8d3f-92a1}: 32 random bits (docs/api-rules.md, Authentication). */
    private String newBackupCode() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 4) + "-" + hex.substring(4);
    }

    private String otpauthUri(String email, String base32) {
        String issuer = URLEncoder.encode(config.issuer(), StandardCharsets.UTF_8).replace("+", "%20");
        String account = URLEncoder.encode(email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + issuer + ":" + account + "?secret=" + base32 + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String normalize(String code) {
        return code == null ? "" : code.trim().replace(" ", "").toLowerCase(Locale.ROOT);
    }

}
