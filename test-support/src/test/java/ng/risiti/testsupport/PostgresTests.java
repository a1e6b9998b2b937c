package ng.risiti.testsupport;

import ng.risiti.infra.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTests {

    @TempDir
    Path dir;

    @Test
    void resolvesCreatesDatabasesAndAnswersQueries() throws Exception {
        long t0 = System.nanoTime();
        Postgres postgres = Postgres.resolve(dir.resolve("pgdata"), 0, Postgres.Durability.FAST);
        try {
            System.out.printf("%s resolved in %d ms%n", postgres.description(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(postgres.jdbcUrl("risiti_selftest"))
                    .isEqualTo("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/risiti_selftest");
            assertThat(postgres.reactiveUrl("risiti_selftest"))
                    .isEqualTo("postgresql://" + postgres.host() + ":" + postgres.port() + "/risiti_selftest");

            postgres.ensureDatabase("risiti_selftest");
            postgres.ensureDatabase("risiti_selftest");
            try (Connection c = postgres.connect("risiti_selftest");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE marker (id int)");
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }

            postgres.recreateDatabase("risiti_selftest");
            try (Connection c = postgres.connect("risiti_selftest");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("recreated database is empty").isZero();
            }
            if (postgres.embedded()) {
                assertThat(postgres.description()).startsWith("embedded PostgreSQL ").contains(":" + postgres.port());
            }
        } finally {
            if (!postgres.embedded()) { // a shared server: leave nothing behind
                try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS risiti_selftest WITH (FORCE)");
                }
            }
            postgres.close();
            postgres.close(); // idempotent
        }
        if (postgres.embedded()) {
            assertThat(ng.risiti.infra.Ports.isOpen(postgres.host(), postgres.port())).isFalse();
        }
    }

    @Test
    void parsesDatabaseUrls() {
        Postgres p = Postgres.fromUrl("postgres://alice:s%40cret@db.example:6543/app?sslmode=require");
        assertThat(p.host()).isEqualTo("db.example");
        assertThat(p.port()).isEqualTo(6543);
        assertThat(p.username()).isEqualTo("alice");
        assertThat(p.password()).isEqualTo("s@cret");
        assertThat(p.jdbcUrl("risiti_auth")).isEqualTo("jdbc:postgresql://db.example:6543/risiti_auth?sslmode=require");
        assertThat(p.embedded()).isFalse();
        assertThat(p.description()).isEqualTo("DATABASE_URL (db.example:6543)");

        Postgres j = Postgres.fromUrl("jdbc:postgresql://10.0.0.5/app?user=bob&password=pw");
        assertThat(j.port()).isEqualTo(5432);
        assertThat(j.username()).isEqualTo("bob");
        assertThat(j.password()).isEqualTo("pw");
        assertThat(j.reactiveUrl("x")).isEqualTo("postgresql://10.0.0.5:5432/x");
    }
}
