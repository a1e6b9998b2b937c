package ng.risiti.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class PreparedStatementPoolTests {

    @Inject
    Pool pool;

    @Test
    void aStatementOverVertxsDefaultTwoKilobytesStaysPreparedOnItsConnection() {
        String marker = "prepared-" + UUID.randomUUID();
        // 4 KB, as long as an invoice create with a dozen lines
        String sql = "select $1::text as value /* " + marker + " " + "x".repeat(4000) + " */";
        long prepared = pool.withConnection(connection -> connection.preparedQuery(sql).execute(Tuple.of("first"))
                        .chain(() -> connection.preparedQuery(sql).execute(Tuple.of("second")))
                        // the session's named statements: an unnamed one (what Vert.x sends past its limit) is not listed
                        .chain(() -> connection.preparedQuery("select count(*) from pg_prepared_statements where statement like $1")
                                .execute(Tuple.of("%" + marker + "%")))
                        .map(rows -> rows.iterator().next().getLong(0)))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(prepared).isEqualTo(1);
    }
}
