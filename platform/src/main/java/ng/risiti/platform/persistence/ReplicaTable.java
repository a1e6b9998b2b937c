package ng.risiti.platform.persistence;

import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A table that mirrors another service's aggregate from its events, newer wins: {@link #apply} is one upsert by the
 * aggregate's id that only a higher {@code version} (the event's aggregate version) may overwrite, so a redelivered
 * or reordered older event never moves the replica back, and two writers of the same row both succeed. The table has
 * the key column, the given columns, and a {@code version bigint}.
 */
public final class ReplicaTable {

    private final int columns;
    private final String upsert;

    private ReplicaTable(String table, String key, List<String> columns) {
        this.columns = columns.size() + 1;
        String names = key + ", " + String.join(", ", columns) + ", version";
        String placeholders = IntStream.rangeClosed(1, this.columns + 1).mapToObj(i -> "$" + i).collect(Collectors.joining(", "));
        String updates = columns.stream().map(column -> column + " = excluded." + column).collect(Collectors.joining(", "));
        this.upsert = "insert into " + table + " as r (" + names + ") values (" + placeholders + ")"
                + " on conflict (" + key + ") do update set " + updates + ", version = excluded.version"
                + " where r.version < excluded.version";
    }

    /** {@code key} is the aggregate id's column; {@code columns} the others, in the order {@link #apply} takes them. */
    public static ReplicaTable of(String table, String key, String... columns) {
        return new ReplicaTable(table, key, List.of(columns));
    }

    /**
     * Writes the aggregate's state at {@code version} unless the row holds a newer one; on the current session's
     * connection, inside its transaction. {@code values} are the key's then the columns' values.
     */
    public Uni<Void> apply(long version, Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values (key and columns), got " + values.length);
        }
        Object[] parameters = Arrays.copyOf(values, columns + 1);
        parameters[columns] = version;
        return SessionSql.update(upsert, parameters).replaceWithVoid();
    }

    /** The statement, for tests and logs. */
    String sql() {
        return upsert;
    }
}
