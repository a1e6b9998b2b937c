package ng.risiti.auth.account.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import ng.risiti.auth.account.config.AccountConfig;
import ng.risiti.auth.account.domain.LoginFailure;
import ng.risiti.auth.account.repository.LoginFailureRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.time.Clocks;

/**
 * Throttles password guessing: after {@code login-failure-limit} failures for one email from one client IP inside
 * {@code login-failure-window}, login answers 429 until the oldest failure leaves the window.
 *
 * <p>The failures live in PostgreSQL, not in memory: with several replicas behind a load balancer an in-memory
 * counter would allow limit × replicas guesses and forget everything on restart. It costs one indexed read per login
 * and one insert per failure, which is small next to the Argon2 verification every login already pays. Keying by
 * email + IP (not email alone) stops an attacker from locking a victim out from elsewhere; a distributed guesser is
 * still slowed per IP, and the key is hashed so the table holds no email addresses.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginFailureRepository failures;
    private final AccountConfig config;
    private final Clock clock;

    public LoginThrottle(LoginFailureRepository failures, AccountConfig config, Clock clock) {
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    public static String key(String normalizedEmail, String ipAddress) {
        return Credentials.hash(normalizedEmail + "|" + (ipAddress == null ? "-" : ipAddress));
    }

    /** Fails with 429 RATE_LIMIT_EXCEEDED and {@code Retry-After} when the key has used up its attempts. */
    public Uni<Void> check(String key) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withSession(() -> failures.since(key, now.minus(config.loginFailureWindow()))).flatMap(recent -> {
            if (recent.size() < config.loginFailureLimit()) {
                return Uni.createFrom().voidItem();
            }
            // allowed again when enough failures have aged out of the window
            OffsetDateTime freedAt = recent.get(recent.size() - config.loginFailureLimit()).failedAt.plus(config.loginFailureWindow());
            long seconds = Math.max(1, Duration.between(now, freedAt).toSeconds() + 1);
            return Uni.createFrom().failure(ApiException.tooManyRequests(
                    "Too many failed sign-in attempts. Try again in " + seconds + " seconds.", seconds));
        });
    }

    public Uni<Void> recordFailure(String key) {
        LoginFailure failure = new LoginFailure();
        failure.id = UuidV7.next();
        failure.throttleKey = key;
        failure.failedAt = Clocks.now(clock);
        return Panache.withTransaction(() -> failures.persist(failure)).replaceWithVoid();
    }

    /** A successful sign-in (or a password reset) starts the count again. */
    public Uni<Void> reset(String key) {
        return Panache.withTransaction(() -> failures.forget(key)).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOld() {
        return Panache.withTransaction(() -> failures.deleteOlderThan(Clocks.now(clock).minus(config.loginFailureWindow()))).replaceWithVoid();
    }

}
