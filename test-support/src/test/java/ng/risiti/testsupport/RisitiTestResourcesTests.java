package ng.risiti.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RisitiTestResourcesTests {

    @Test
    void startsOnceAndHandsOutConfig() throws Exception {
        RisitiTestResources first = new RisitiTestResources();
        first.init(Map.of("service", "selftest"));
        Map<String, String> config = first.start();
        first.stop();

        String db = "risiti_selftest_test";
        assertThat(config).containsEntry("kafka.bootstrap.servers", RisitiTestResources.kafkaBootstrapServers())
                .containsEntry("quarkus.datasource.jdbc.url", RisitiTestResources.postgres().jdbcUrl(db))
                .containsEntry("quarkus.datasource.reactive.url", RisitiTestResources.postgres().reactiveUrl(db))
                .containsEntry("quarkus.datasource.username", RisitiTestResources.postgres().username())
                .containsKey("quarkus.datasource.password");
        assertThat(config.get("quarkus.datasource.reactive.url")).startsWith("postgresql://").endsWith("/" + db);

        try (Connection c = RisitiTestResources.postgres().connect(db);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survives_second_start (id int)");
        }

        // a second resource (another test class) reuses broker and database and does not drop it again
        RisitiTestResources second = new RisitiTestResources();
        second.init(Map.of("service", "selftest"));
        assertThat(second.start()).isEqualTo(config);
        try (Connection c = RisitiTestResources.postgres().connect(db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'survives_second_start'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        System.out.println("test infrastructure: Kafka " + RisitiTestResources.kafkaBootstrapServers() + ", "
                + RisitiTestResources.postgresDescription());
    }
}
