package ng.risiti.platform.testapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /** The first column of every row of {@code query}, whose one parameter is {@code parameter}, as text. */
    public static List<String> texts(String query, String parameter) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement sql = db.prepareStatement(query)) {
            sql.setString(1, parameter);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
        }
        return texts;
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
