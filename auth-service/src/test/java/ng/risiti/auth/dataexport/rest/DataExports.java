package ng.risiti.auth.dataexport.rest;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import ng.risiti.auth.TestAccounts.Account;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests, waits for and opens data exports as a client would. */
public final class DataExports {

    private DataExports() {
    }

    public static ExtractableResponse<Response> request(Account actor) {
        return given().auth().oauth2(actor.accessToken()).when().post("/api/v1/settings/data-export").then().extract();
    }

    public static ExtractableResponse<Response> status(Account actor, String id) {
        return given().auth().oauth2(actor.accessToken()).when().get("/api/v1/settings/data-export/" + id).then().extract();
    }

    /** Polls the status until the export is no longer processing; returns its last {@code data}. */
    public static Map<String, Object> awaitFinished(Account actor, String id, Duration timeout) {
        return await(actor, id, timeout, status -> !"processing".equals(status));
    }

    public static Map<String, Object> awaitStatus(Account actor, String id, String wanted, Duration timeout) {
        return await(actor, id, timeout, wanted::equals);
    }

    private static Map<String, Object> await(Account actor, String id, Duration timeout, java.util.function.Predicate<Object> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Object> data = status(actor, id).path("data");
            if (done.test(data.get("status"))) {
                return data;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("export " + id + " still processing after " + timeout + ": " + data);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The download URL's path and query, for the service under test (the URL names the public gateway). */
    public static String local(String downloadUrl) {
        return downloadUrl.replaceFirst("^https?://[^/]+", "");
    }

    /** Every entry of a ZIP archive, by name, as text. */
    public static Map<String, String> unzip(byte[] archive) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Moves an export's expiry into the past, as 24 hours passing would. */
    public static void expireNow(String id) {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
                var update = db.prepareStatement("update data_exports set expires_at = now() - interval '1 second' where id = ?")) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
