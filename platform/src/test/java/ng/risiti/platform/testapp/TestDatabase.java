package ng.risiti.platform.testapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import ng.risiti.testsupport.RisitiTestResources;

/** The test application's database, seen from the test over JDBC (what a test asserts is what is stored). */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        var postgres = RisitiTestResources.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(RisitiTestResources.databaseName("platform")), postgres.username(),
                postgres.password());
    }

    public static void execute(String statement) {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a number. */
    public static long count(String query) {
        try (Connection db = connect(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    public static String text(String query) {
        try (Connection db = connect(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
