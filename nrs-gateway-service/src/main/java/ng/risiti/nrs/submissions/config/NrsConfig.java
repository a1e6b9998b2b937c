package ng.risiti.nrs.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway reaches NRS and runs submissions (nrs-gateway-service/README.md, Settings). */
@ConfigMapping(prefix = "risiti.nrs")
public interface NrsConfig {

    /** The platform's own sandbox credentials: every test-mode ({@code rs_test_}) submission uses them. */
    String apiKey();

    String apiSecret();

    /** Where test-mode traffic goes: the NRS sandbox, never the real NRS. */
    String sandboxUrl();

    /** The real NRS ({@code NRS_API_URL}): live submissions only, with the tenant's own credentials. */
    String url();

    /** The business id test-mode payloads carry (live ones carry the tenant's, from its NRS credentials). */
    @WithDefault("6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f")
    String sandboxBusinessId();

    /** Connect and read timeout of one NRS call: past it the call counts as a passing failure. */
    @WithDefault("10s")
    Duration timeout();

    Submissions submissions();

    interface Submissions {

        /** How often a worker looks for due submissions (the scheduler reads the same key). */
        @WithDefault("1s")
        Duration interval();

        /** Submissions one claim takes. */
        @WithDefault("20")
        int batchSize();

        /** Submissions one worker walks through NRS at once: the bound on this replica's concurrent calls to NRS. */
        @WithDefault("8")
        int maxConcurrency();

        /** Claims before a submission failing for passing reasons is given up (about 3 h with the backoff below). */
        @WithDefault("10")
        int maxAttempts();

        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("30m")
        Duration maxBackoff();

        /**
         * How long a claimed submission stays invisible to other workers; a worker that dies mid-flow leaves it to
         * the next once this passes. Longer than the five MBS calls' timeouts together.
         */
        @WithDefault("2m")
        Duration claimLease();

        /** Passing failures in a row (per tenant and mode) that open its circuit. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open circuit keeps that tenant's submissions away from NRS before one trial call. */
        @WithDefault("30s")
        Duration breakerOpenFor();
    }
}
