package ng.risiti.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Plain SQL ({@code $1}-style parameters) on the current Hibernate Reactive session's connection, inside its
 * transaction: for the statements every request or event runs (outbox, inbox, idempotency, an invoice's insert). A
 * Hibernate native query is parsed on every call, and one that returns rows is cached under a key that never matches
 * the next call's, so the cache filled with equal-hash entries and each lookup compared against all of them (a tenth
 * of invoice-service's CPU under load). Hibernate does not flush pending entity changes before these statements.
 */
public final class SessionSql {

    private SessionSql() {
    }

    /** Runs a statement; returns the number of rows it changed. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return connection().flatMap(connection -> Uni.createFrom().completionStage(() -> connection.update(sql, parameters)));
    }

    /** Runs a statement that returns rows (a select, or a write with {@code returning}). */
    public static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return connection().flatMap(connection -> Uni.createFrom().completionStage(() -> connection.select(sql, parameters)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** The first column of the first row, or null when there is no row. */
    public static <T> Uni<T> value(Class<T> type, String sql, Object... parameters) {
        return rows(sql, parameters).map(rows -> rows.isEmpty() ? null : type.cast(rows.getFirst()[0]));
    }

    private static Uni<ReactiveConnection> connection() {
        return Panache.getSession().map(SessionSql::connectionOf);
    }

    private static ReactiveConnection connectionOf(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass());
    }
}
