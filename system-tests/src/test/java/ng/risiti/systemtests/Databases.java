package ng.risiti.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ng.risiti.launcher.LocalStack;

/** Looks into the services' databases (plain JDBC), for what the API does not show. */
final class Databases {

    /** The session advisory lock a service's outbox relay holds while it publishes (platform OutboxRelay.LOCK_ID). */
    private static final long RELAY_LEASE = 0x7269736974690001L;

    /** A row of risiti_invoice.outbox_events. */
    record OutboxRow(UUID id, String type, String subject, OffsetDateTime publishedAt) {
    }

    /** A row of risiti_webhook.events. */
    record WebhookEvent(String id, UUID tenantId, String type, String subject) {
    }

    private final LocalStack stack;

    Databases(LocalStack stack) {
        this.stack = stack;
    }

    /** invoice-service's outbox rows for one invoice (subject = invoice id), in insert order. */
    List<OutboxRow> outbox(UUID invoiceId) {
        return query("risiti_invoice", """
                select id, type, subject, published_at from outbox_events where subject = ? order by seq""", invoiceId, rs -> new OutboxRow(
                rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("subject"),
                rs.getObject("published_at", OffsetDateTime.class)));
    }

    /** Whether invoice-service's replica of customers (from risiti.customers.v1) holds the customer. */
    boolean invoiceServiceKnowsCustomer(UUID customerId) {
        return !query("risiti_invoice", "select id from known_customers where id = ?::uuid", customerId,
                rs -> rs.getString("id")).isEmpty();
    }

    /** webhook-service's stored events for one invoice (subject = invoice id). */
    List<WebhookEvent> webhookEvents(UUID invoiceId) {
        return query("risiti_webhook", """
                select id, tenant_id, type, subject from events where subject = ? order by received_at""", invoiceId.toString(),
                rs -> new WebhookEvent(rs.getString("id"), rs.getObject("tenant_id", UUID.class), rs.getString("type"),
                        rs.getString("subject")));
    }

    /**
     * Takes a service's outbox relay lease, as another replica's relay would hold it: the running relay's lease session
     * is ended and this session takes the lock first, so that service publishes nothing until the lease is closed.
     */
    RelayLeaseHeld takeRelayLease(String database) {
        Connection session = null;
        try {
            session = DriverManager.getConnection(stack.jdbcUrl(database), stack.databaseUser(), stack.databasePassword());
            try (PreparedStatement end = session.prepareStatement("""
                         select pg_terminate_backend(pid) from pg_locks
                         where locktype = 'advisory' and granted and classid = ? and objid = ? and objsubid = 1
                           and database = (select oid from pg_database where datname = current_database())""");
                 PreparedStatement take = session.prepareStatement("select pg_try_advisory_lock(?)")) {
                end.setLong(1, RELAY_LEASE >>> 32);
                end.setLong(2, RELAY_LEASE & 0xffffffffL);
                take.setLong(1, RELAY_LEASE);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    end.executeQuery().close();
                    try (ResultSet taken = take.executeQuery()) {
                        if (taken.next() && taken.getBoolean(1)) {
                            RelayLeaseHeld held = new RelayLeaseHeld(session);
                            session = null;
                            return held;
                        }
                    }
                }
            }
            throw new IllegalStateException("could not take " + database + "'s relay lease within 30 s");
        } catch (SQLException e) {
            throw new IllegalStateException("taking " + database + "'s relay lease failed", e);
        } finally {
            if (session != null) {
                try {
                    session.close();
                } catch (SQLException ignored) {
                    // the failure above is the one to report
                }
            }
        }
    }

    /** A relay lease this test holds; closing its session hands it back to the service's relay. */
    record RelayLeaseHeld(Connection session) implements AutoCloseable {
        @Override
        public void close() {
            try {
                session.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String database, String sql, Object parameter, RowMapper<T> mapper) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), stack.databaseUser(), stack.databasePassword());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter instanceof UUID u ? u.toString() : parameter);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + database + " failed: " + sql, e);
        }
    }
}
