package ng.risiti.platform.persistence;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A table that mirrors another service's aggregate from its events, newer wins: {@link #apply} is one upsert by the
 * aggregate's id that only a higher {@code version} (the event's aggregate version) may overwrite, so a redelivered
 * or reordered older event never moves the replica back, and two writers of the same row both succeed. The table has
 * the key column, the given columns, and a {@code version bigint}.
 */
public final class ReplicaTable {

    /** One aggregate's state at an event's version: the key's then the columns' values. */
    public record State(long version, Object... values) {
    }

    private final int columns;
    private final List<String> names;
    private final String upsert;
    private final String upsertAll;

    private ReplicaTable(String table, String key, List<String> columns) {
        this.columns = columns.size() + 1;
        this.names = new ArrayList<>(this.columns + 1);
        this.names.add(key);
        this.names.addAll(columns);
        this.names.add("version");
        String names = String.join(", ", this.names);
        String placeholders = IntStream.rangeClosed(1, this.columns + 1).mapToObj(i -> "$" + i).collect(Collectors.joining(", "));
        String updates = columns.stream().map(column -> column + " = excluded." + column).collect(Collectors.joining(", "))
                + ", version = excluded.version where r.version < excluded.version";
        String conflict = " on conflict (" + key + ") do update set " + updates;
        this.upsert = "insert into " + table + " as r (" + names + ") values (" + placeholders + ")" + conflict;
        this.upsertAll = "insert into " + table + " as r (" + names + ") select " + names + " from json_populate_recordset(null::" + table
                + ", $1::text::json)" + conflict;
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

    /**
     * Writes each aggregate's newest state among {@code states} unless its row holds a newer one, in one statement (an
     * aggregate named twice, as a poll with its created and its finalized event does, counts once: the higher version, or
     * the first of equal ones, as one upsert after the other would leave it).
     */
    public Uni<Void> applyAll(List<State> states) {
        List<Object[]> rows = newestRows(states);
        return rows.isEmpty() ? Uni.createFrom().voidItem() : SessionSql.update(upsertAll, JsonRows.of(names, rows)).replaceWithVoid();
    }

    /** One row per aggregate, its newest state's values then its version (PostgreSQL refuses to upsert a row twice). */
    List<Object[]> newestRows(List<State> states) {
        Map<Object, State> newest = new LinkedHashMap<>();
        for (State state : states) {
            if (state.values().length != columns) {
                throw new IllegalArgumentException("expected " + columns + " values (key and columns), got " + state.values().length);
            }
            newest.merge(state.values()[0], state, (held, next) -> next.version() > held.version() ? next : held);
        }
        List<Object[]> rows = new ArrayList<>(newest.size());
        for (State state : newest.values()) {
            Object[] row = Arrays.copyOf(state.values(), columns + 1);
            row[columns] = state.version();
            rows.add(row);
        }
        return rows;
    }

    /** The statements, for tests and logs. */
    String sql() {
        return upsert;
    }

    String sqlForMany() {
        return upsertAll;
    }
}
