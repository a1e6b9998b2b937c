package ng.risiti.platform.persistence;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;

/**
 * The reactive pool of every service, as Quarkus makes it from {@code quarkus.datasource.*}, except that a connection
 * keeps statements of up to 16 KB prepared. Vert.x caches only statements shorter than 2 KB by default, and sends a
 * longer one as an unnamed statement that PostgreSQL parses and plans on every execution: an invoice create (its row
 * with the customer's snapshot, its lines, its number and its event in one statement) is 2.5 KB with three lines,
 * and one of five lines was over the limit before the customer moved into it. Built from the options Quarkus made, as
 * its own path builds it; no service uses a credentials provider, which only that path would consult.
 */
@Singleton
public class PreparedStatementPool implements PgPoolCreator {

    static final int SQL_LIMIT = 16 * 1024;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> options.setPreparedStatementCacheSqlLimit(SQL_LIMIT));
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
