package ng.risiti.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaTableTests {

    private final ReplicaTable tenants = ReplicaTable.of("known_tenants", "id", "name", "tin");

    @Test
    void onlyAHigherVersionOverwritesTheRow() {
        assertThat(tenants.sql()).isEqualTo("insert into known_tenants as r (id, name, tin, version) values ($1, $2, $3, $4)"
                + " on conflict (id) do update set name = excluded.name, tin = excluded.tin, version = excluded.version"
                + " where r.version < excluded.version");
    }

    @Test
    void manyRowsAreOneStatementOnTheTablesOwnRowType() {
        assertThat(tenants.sqlForMany()).isEqualTo("insert into known_tenants as r (id, name, tin, version) select id, name, tin, version"
                + " from json_populate_recordset(null::known_tenants, $1::text::json)"
                + " on conflict (id) do update set name = excluded.name, tin = excluded.tin, version = excluded.version"
                + " where r.version < excluded.version");
    }

    /** As one upsert after the other would leave each row: the highest version, the first of equal ones. */
    @Test
    void anAggregateNamedTwiceInABatchIsWrittenOnceInItsNewestState() {
        List<Object[]> rows = tenants.newestRows(List.of(
                new ReplicaTable.State(2, "a", "Adaeze Foods v2", "1"),
                new ReplicaTable.State(1, "a", "Adaeze Foods v1", "1"),
                new ReplicaTable.State(1, "b", "Bola Stores v1", "2"),
                new ReplicaTable.State(3, "b", "Bola Stores v3", "2"),
                new ReplicaTable.State(3, "b", "Bola Stores v3 again", "2"),
                new ReplicaTable.State(1, "c", "Chidi Ltd", "3")));
        assertThat(rows).containsExactly(new Object[] {"a", "Adaeze Foods v2", "1", 2L}, new Object[] {"b", "Bola Stores v3", "2", 3L},
                new Object[] {"c", "Chidi Ltd", "3", 1L});
    }

    @Test
    void valuesMustMatchTheColumns() {
        assertThatThrownBy(() -> tenants.apply(3, "id", "name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 values");
        assertThatThrownBy(() -> tenants.applyAll(List.of(new ReplicaTable.State(3, "id", "name")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 values");
    }
}
