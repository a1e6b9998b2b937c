package ng.risiti.invoice.sending.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the dispatcher delivers sent invoices (docs/specification.md, Sending). */
@ConfigMapping(prefix = "risiti.invoice.sending")
public interface SendingConfig {

    /** How often a dispatcher looks for due deliveries (the scheduler reads the same key; at least 1s). */
    @WithDefault("2s")
    Duration interval();

    /** Deliveries one claim takes: small, so several replicas share a burst and a claim's lease covers its sends. */
    @WithDefault("10")
    int batchSize();

    /** Attempts before a delivery fails for good: 12 with the backoff below keep trying for about five hours. */
    @WithDefault("12")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("30s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /**
     * How long a claimed delivery stays invisible to other dispatchers: if its dispatcher dies mid-send, another
     * tries it once this passes. Far longer than the SMTP and WhatsApp timeouts, so a slow send is never claimed twice.
     */
    @WithDefault("5m")
    Duration claimLease();

    /** The domain of each email's Message-ID ({@code <delivery id>@<domain>}), stable across retries of one delivery. */
    @WithDefault("risiti.ng")
    String messageIdDomain();
}
