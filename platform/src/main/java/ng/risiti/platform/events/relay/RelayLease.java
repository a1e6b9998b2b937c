package ng.risiti.platform.events.relay;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which replica's relay publishes: the one holding a session-level advisory lock on a connection of its own. The lock
 * goes with the session, so a relay whose process or connection died loses it; a relay that only seems alive (a
 * zombie) is fenced by Kafka instead (the transactional id), so the two never interleave.
 */
final class RelayLease {

    private static final Logger LOG = Logger.getLogger(RelayLease.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final long lockId;
    private PgConnection connection;

    RelayLease(Vertx vertx, String reactiveUrl, Optional<String> user, Optional<String> password, long lockId) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.setConnectTimeout((int) TIMEOUT.toMillis());
        this.lockId = lockId;
    }

    /** Takes the lease if nobody holds it; false when another relay does (or the database is away). */
    boolean tryAcquire() {
        release();
        try {
            PgConnection opened = PgConnection.connect(vertx, options).await().atMost(TIMEOUT);
            boolean locked = opened.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(lockId))
                    .await().atMost(TIMEOUT).iterator().next().getBoolean(0);
            if (!locked) {
                opened.close().await().atMost(TIMEOUT);
                return false;
            }
            connection = opened;
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("Relay lease not taken: %s", e.getMessage());
            return false;
        }
    }

    /** Whether the session holding the lock is still there. */
    boolean stillHeld() {
        PgConnection current = connection;
        if (current == null) {
            return false;
        }
        try {
            current.query("select 1").execute().await().atMost(TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Lost the outbox relay lease (its database session failed: %s)", e.getMessage());
            release();
            return false;
        }
    }

    boolean held() {
        return connection != null;
    }

    void release() {
        PgConnection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close().await().atMost(TIMEOUT);
            } catch (RuntimeException ignored) {
                // the session is gone either way, and the lock with it
            }
        }
    }
}
