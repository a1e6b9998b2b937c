package ng.risiti.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void valuesMustMatchTheColumns() {
        assertThatThrownBy(() -> tenants.apply(3, "id", "name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 values");
    }
}
