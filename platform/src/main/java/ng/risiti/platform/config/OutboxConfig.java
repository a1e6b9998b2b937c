package ng.risiti.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code risiti.outbox.*}: how the relay publishes committed events. */
@ConfigMapping(prefix = "risiti.outbox")
public interface OutboxConfig {

    /** Off only to hold events back on purpose (a test opening the crash window before publish). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * The least time between two polls. Under load events wait up to this, so each Kafka transaction and each consumer
     * fetch carries more of them: 50 ms rather than 20 ms cut broker and consumer CPU per invoice create by about a
     * third (bench/README.md, InvoiceThroughput). 100 and 200 ms cut the broker's further but did not shorten the
     * create's tail beyond run-to-run noise, while a loaded relay's events would wait that long at every hop.
     */
    @WithDefault("50ms")
    Duration pollMin();

    /**
     * A writer wakes the relay at its INSERT, before it commits, so the poll it wakes may find nothing yet: the relay
     * then looks again this often, up to {@link #pollMin()} in all, instead of waiting poll-min for the next poll
     * (a lone event went out ~35 ms later before; bench/README.md, EventHopLatency).
     */
    @WithDefault("5ms")
    Duration pollRetry();

    /** The poll interval after the relay found nothing for a while (it doubles from {@link #pollMin()} up to this). */
    @WithDefault("1s")
    Duration pollMax();

    /** Most rows one Kafka transaction carries. */
    @WithDefault("500")
    int batchRows();

    /** Most bytes of event data one Kafka transaction carries (one row over it still goes alone). */
    @WithDefault("2097152")
    int batchBytes();

    /** Failures of one row (record too large, topic refused) before it is parked with its aggregate. */
    @WithDefault("8")
    int maxAttempts();

    /** The first backoff of a failing row; it doubles per attempt up to {@link #maxRowBackoff()}. */
    @WithDefault("1s")
    Duration rowBackoff();

    @WithDefault("5m")
    Duration maxRowBackoff();

    /** Kafka's max.block.ms for the relay: how long a send or a commit may wait for the broker. */
    @WithDefault("5s")
    Duration kafkaTimeout();

    /** The relay-wide backoff while Kafka or PostgreSQL is unreachable doubles up to this. */
    @WithDefault("15s")
    Duration maxOutageBackoff();

    /** How often a replica that is not the relay tries to become it, and the leader checks it still is. */
    @WithDefault("2s")
    Duration leaseCheckInterval();

    /** Health turns degraded when events have waited this long, or any row is parked. */
    @WithDefault("1m")
    Duration degradedAfter();

    /** How often the backlog (waiting and parked events) is measured for health and metrics. */
    @WithDefault("10s")
    Duration backlogCheckInterval();

    /** Published rows are deleted after this. */
    @WithDefault("7d")
    Duration keepPublished();

    /** Stable per service (not per replica): a new relay fences any older one that still runs. */
    Optional<String> transactionalId();
}
