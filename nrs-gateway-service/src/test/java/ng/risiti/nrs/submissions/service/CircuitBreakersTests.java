package ng.risiti.nrs.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import ng.risiti.nrs.submissions.config.NrsConfig;
import org.junit.jupiter.api.Test;

/** The breaker's states with a clock the test moves (the HTTP-level behaviour: SubmissionResilienceTests). */
class CircuitBreakersTests {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-06-11T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final CircuitBreakers breakers = new CircuitBreakers(config(3, Duration.ofSeconds(30)), clock);
    final UUID tenant = UUID.randomUUID();

    @Test
    void opensAfterFailuresInARowLetsOneTrialThroughAfterTheWindowAndClosesOnItsSuccess() {
        breakers.failed(tenant, false);
        breakers.failed(tenant, false);
        assertThat(breakers.blockedUntil(tenant, false)).isNull();
        breakers.failed(tenant, false);
        assertThat(breakers.blockedUntil(tenant, false)).isEqualTo(clock.now.plusSeconds(30));
        // the other world and other tenants have circuits of their own
        assertThat(breakers.blockedUntil(tenant, true)).isNull();
        assertThat(breakers.blockedUntil(UUID.randomUUID(), false)).isNull();

        clock.now = clock.now.plusSeconds(31);
        assertThat(breakers.blockedUntil(tenant, false)).as("the one trial call").isNull();
        assertThat(breakers.blockedUntil(tenant, false)).as("a second call while the trial is out").isNotNull();
        breakers.succeeded(tenant, false);
        assertThat(breakers.blockedUntil(tenant, false)).isNull();
        assertThat(breakers.open(tenant, false)).isFalse();
    }

    @Test
    void aFailedTrialOpensItAgainAtOnce() {
        for (int i = 0; i < 3; i++) {
            breakers.failed(tenant, false);
        }
        clock.now = clock.now.plusSeconds(31);
        assertThat(breakers.blockedUntil(tenant, false)).isNull();
        breakers.failed(tenant, false);
        assertThat(breakers.blockedUntil(tenant, false)).isEqualTo(clock.now.plusSeconds(30));
    }

    @Test
    void aTrialThatNeverReportsDoesNotKeepTheCircuitShutForever() {
        for (int i = 0; i < 3; i++) {
            breakers.failed(tenant, false);
        }
        clock.now = clock.now.plusSeconds(31);
        assertThat(breakers.blockedUntil(tenant, false)).isNull();
        // its job made no call (e.g. its credentials were gone): after another window, another trial may go
        clock.now = clock.now.plusSeconds(31);
        assertThat(breakers.blockedUntil(tenant, false)).isNull();
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        breakers.failed(tenant, false);
        breakers.failed(tenant, false);
        breakers.succeeded(tenant, false);
        breakers.failed(tenant, false);
        breakers.failed(tenant, false);
        assertThat(breakers.blockedUntil(tenant, false)).isNull();
    }

    static NrsConfig config(int failures, Duration openFor) {
        NrsConfig.Submissions submissions = new NrsConfig.Submissions() {
            public Duration interval() { return Duration.ofSeconds(1); }
            public int batchSize() { return 20; }
            public int maxConcurrency() { return 8; }
            public int maxAttempts() { return 10; }
            public Duration initialBackoff() { return Duration.ofSeconds(5); }
            public Duration maxBackoff() { return Duration.ofMinutes(30); }
            public Duration claimLease() { return Duration.ofMinutes(2); }
            public int breakerFailures() { return failures; }
            public Duration breakerOpenFor() { return openFor; }
        };
        return new NrsConfig() {
            public String apiKey() { return "k"; }
            public String apiSecret() { return "s"; }
            public String sandboxUrl() { return "http://127.0.0.1:9"; }
            public String url() { return "http://127.0.0.1:9"; }
            public String sandboxBusinessId() { return "6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f"; }
            public Duration timeout() { return Duration.ofSeconds(1); }
            public Submissions submissions() { return submissions; }
        };
    }
}
