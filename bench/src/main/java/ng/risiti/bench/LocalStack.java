package ng.risiti.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * The running local stack as a benchmark sees it (./risiti up --detach): its state file, each component's pid (the
 * supervisor restarts what dies, so read it fresh), and each service's database.
 */
final class LocalStack {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path state;

    LocalStack(Path state) {
        this.state = state;
    }

    /** {@code .risiti} of the checkout this runs in, or $RISITI_STATE_DIR. */
    static LocalStack here() {
        String dir = System.getenv("RISITI_STATE_DIR");
        return new LocalStack(dir != null ? Path.of(dir) : Path.of(".risiti").toAbsolutePath());
    }

    OptionalLong pid(String component) {
        try {
            Path file = state.resolve("pids").resolve(component + ".pid");
            return Files.exists(file) ? OptionalLong.of(Long.parseLong(Files.readString(file).trim())) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The supervisor, which also runs the gateway. */
    OptionalLong supervisorPid() {
        try {
            Path file = state.resolve("supervisor.pid");
            return Files.exists(file) ? OptionalLong.of(Long.parseLong(Files.readString(file).trim())) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Host and port of the stack's PostgreSQL, for pgbench. */
    String[] postgres() {
        return postgresHostPort().split(":");
    }

    /** A connection to one service's database ({@code risiti_invoice} ...), on the stack's PostgreSQL. */
    Connection database(String name) throws SQLException {
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        return DriverManager.getConnection("jdbc:postgresql://" + postgresHostPort() + "/" + name, user, password);
    }

    private String postgresHostPort() {
        try {
            JsonNode stack = JSON.readTree(state.resolve("state.json").toFile());
            for (JsonNode component : stack.path("components")) {
                if ("postgres".equals(component.path("name").asText())) {
                    URI url = URI.create(component.path("url").asText());
                    return url.getHost() + ":" + url.getPort();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + state.resolve("state.json") + ": is the stack up (./risiti up --detach)?", e);
        }
        throw new IllegalStateException("the stack in " + state + " runs no PostgreSQL");
    }
}
