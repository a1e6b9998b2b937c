package ng.risiti.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server tests and the local stack use: {@code $DATABASE_URL} if set, else the server on
 * 127.0.0.1:5432 if it answers (user postgres, trust auth), else an embedded PostgreSQL (zonky).
 */
public final class Postgres implements AutoCloseable {

    /**
     * How an embedded server trades safety for speed (a server that is not ours keeps its own settings). Left to
     * itself zonky starts the postmaster with {@code -F} (fsync off) and {@code synchronous_commit=off}, so a
     * crash of the machine can lose or corrupt committed data: every caller says which it wants.
     */
    public enum Durability {
        /** fsync, synchronous_commit and full_page_writes on: committed data survives a crash (the local stack). */
        DURABLE,
        /** all three off: for throwaway test databases, where a crash only means running the tests again. */
        FAST
    }

    private static final System.Logger LOG = System.getLogger(Postgres.class.getName());

    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 5432;
    private static final int PROBE_TIMEOUT_SECONDS = 2;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$-]{0,62}");

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    /** database to connect to for CREATE/DROP DATABASE */
    private final String adminDatabase;
    /** extra query parameters from DATABASE_URL (e.g. sslmode=require), "" if none */
    private final String urlParameters;
    private final String description;
    private final EmbeddedPostgres embeddedServer;
    private final Process watchdog;
    /** an embedded server's data directory and durability, to start it again; null for a server that is not ours */
    private final Path dataDir;
    private final Durability durability;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Postgres(String host, int port, String username, String password, String adminDatabase,
                     String urlParameters, String description, EmbeddedPostgres embeddedServer, Process watchdog) {
        this(host, port, username, password, adminDatabase, urlParameters, description, embeddedServer, watchdog,
                null, null);
    }

    private Postgres(String host, int port, String username, String password, String adminDatabase,
                     String urlParameters, String description, EmbeddedPostgres embeddedServer, Process watchdog,
                     Path dataDir, Durability durability) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password == null ? "" : password;
        this.adminDatabase = adminDatabase;
        this.urlParameters = urlParameters == null ? "" : urlParameters;
        this.description = description;
        this.embeddedServer = embeddedServer;
        this.watchdog = watchdog;
        this.dataDir = dataDir;
        this.durability = durability;
    }

    /**
     * DATABASE_URL env ({@code postgres://user:pass@host:port/db} or {@code jdbc:postgresql://...}) if set; else
     * the server on 127.0.0.1:5432 if it answers (user postgres, trust auth, no password); else an embedded
     * PostgreSQL (zonky) with data in dataDir on port embeddedPort (0 = any free port), run with the given durability.
     */
    public static Postgres resolve(Path dataDir, int embeddedPort, Durability durability) {
        String databaseUrl = System.getenv("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return fromUrl(databaseUrl.trim());
        }
        Postgres local = new Postgres(LOCAL_HOST, LOCAL_PORT, "postgres", "", "postgres", "",
                "local server on " + LOCAL_HOST + ":" + LOCAL_PORT, null, null);
        if (Ports.isOpen(LOCAL_HOST, LOCAL_PORT, PROBE_TIMEOUT_SECONDS * 1000)) {
            try (Connection c = local.connect("postgres", PROBE_TIMEOUT_SECONDS)) {
                c.isValid(PROBE_TIMEOUT_SECONDS);
                return local;
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.INFO, "a server answers on {0}:{1} but does not accept user postgres "
                        + "without a password ({2}); using an embedded PostgreSQL",
                        LOCAL_HOST, Integer.toString(LOCAL_PORT), e.getMessage());
            }
        }
        if (embeddedPort != 0) {
            return embedded(dataDir, embeddedPort, durability);
        }
        // a port found free may be taken as a client's ephemeral port before the server binds it: try another
        for (int attempt = 1; ; attempt++) {
            try {
                return embedded(dataDir, Ports.free(), durability);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !e.getMessage().contains("already in use")) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; trying another port");
            }
        }
    }

    /**
     * A server given by URL: {@code postgres[ql]://user:pass@host:port/db?params} or
     * {@code jdbc:postgresql://host:port/db?user=..&password=..}. The database in the URL (default
     * {@code postgres}) is the one connected to for CREATE/DROP DATABASE.
     */
    public static Postgres fromUrl(String url) {
        String raw = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(url), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgres") || scheme.equals("postgresql"))) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgres://, postgresql:// or "
                    + "jdbc:postgresql://): " + redact(url));
        }
        String host = uri.getHost() == null ? LOCAL_HOST : uri.getHost();
        int port = uri.getPort() < 0 ? LOCAL_PORT : uri.getPort();
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                String key = decode(kv[0]);
                String value = kv.length > 1 ? decode(kv[1]) : "";
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> kept.add(pair);
                }
            }
        }
        if (user == null || user.isEmpty()) {
            user = System.getenv().getOrDefault("PGUSER", "postgres");
        }
        if (password == null) {
            password = System.getenv().getOrDefault("PGPASSWORD", "");
        }
        String path = uri.getPath();
        String database = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
        return new Postgres(host, port, user, password, database, String.join("&", kept),
                "DATABASE_URL (" + host + ":" + port + ")", null, null);
    }

    private static Postgres embedded(Path dataDir, int embeddedPort, Durability durability) {
        Path data = dataDir.toAbsolutePath();
        int port = embeddedPort;
        if (Ports.isOpen(LOCAL_HOST, port, 300)) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL on port " + port
                    + ": the port is already in use");
        }
        Path log = data.resolveSibling(data.getFileName() + ".log");
        String on = durability == Durability.DURABLE ? "on" : "off";
        EmbeddedPostgres server;
        try {
            Files.createDirectories(data);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", LOCAL_HOST)
                    // "-c fsync=on" follows zonky's "-F" on the postmaster's command line, and the last one wins
                    .setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL (data " + data + ", port " + port
                    + ", log " + log + ")", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL (data " + data + ", port " + port
                    + ", log " + log + "): " + e.getMessage(), e);
        }
        Process watchdog = startWatchdog(data);
        Postgres postgres = new Postgres(LOCAL_HOST, port, "postgres", "", "postgres", "", null, server, watchdog);
        String version = postgres.serverVersion();
        Postgres described = new Postgres(LOCAL_HOST, port, "postgres", "", "postgres", "",
                "embedded PostgreSQL " + version + " on " + LOCAL_HOST + ":" + port + " (data: " + data + ", fsync " + on + ")",
                server, watchdog, data, durability);
        LOG.log(System.Logger.Level.INFO, "started " + described.description());
        return described;
    }

    /**
     * An embedded server started again on the same data directory, port and durability, e.g. after its postmaster
     * died; closes this one first (zonky holds a lock on the data directory until then).
     *
     * @throws IllegalStateException for a server that is not ours (DATABASE_URL, the local server)
     */
    public Postgres startAgain() {
        if (!embedded()) {
            throw new IllegalStateException("not an embedded PostgreSQL, so not ours to start: " + description);
        }
        close();
        return embedded(dataDir, port, durability);
    }

    /** The embedded server's postmaster pid (from its postmaster.pid), if it is ours and running. */
    public OptionalLong postmasterPid() {
        if (!embedded()) {
            return OptionalLong.empty();
        }
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            String first = Files.exists(pidFile) ? Files.readAllLines(pidFile).stream().findFirst().orElse("").trim() : "";
            return first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * zonky starts the postmaster detached (pg_ctl), so it would outlive a JVM that is killed. A tiny shell loop
     * outlives the JVM too and stops the postmaster (SIGINT = fast shutdown) once the JVM is gone.
     */
    private static Process startWatchdog(Path data) {
        if (System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
            return null;
        }
        try {
            Path pidFile = data.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return null;
            }
            String postmasterPid = Files.readAllLines(pidFile).getFirst().trim();
            String script = "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; do sleep 1; done; "
                    + "kill -0 \"$2\" 2>/dev/null && kill -INT \"$2\"";
            return new ProcessBuilder("/bin/sh", "-c", script, "risiti-pg-watchdog",
                    Long.toString(ProcessHandle.current().pid()), postmasterPid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no watchdog for the embedded PostgreSQL: " + e);
            return null;
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    /** "" when there is none (trust auth). */
    public String password() {
        return password;
    }

    /** {@code jdbc:postgresql://host:port/database} */
    public String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    /** {@code postgresql://host:port/database} (the Vert.x reactive client's form) */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database + (urlParameters.isEmpty() ? "" : "?" + urlParameters);
    }

    /** CREATE DATABASE if missing; safe if two processes race. */
    public void ensureDatabase(String name) {
        String quoted = quote(name);
        try (Connection c = connect(adminDatabase, 10)) {
            if (exists(c, name)) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + quoted);
            } catch (SQLException e) {
                // 42P04 duplicate_database, 23505 unique_violation: another process created it just now
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState()) && !exists(c, name)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + description + ": "
                    + e.getMessage(), e);
        }
    }

    /** DROP DATABASE IF EXISTS ... WITH (FORCE); CREATE DATABASE. */
    public void recreateDatabase(String name) {
        String quoted = quote(name);
        try (Connection c = connect(adminDatabase, 10); Statement s = c.createStatement()) {
            try {
                s.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            } catch (SQLException e) {
                if (!"42601".equals(e.getSQLState())) { // syntax error: server older than 13
                    throw e;
                }
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    p.setString(1, name);
                    p.execute();
                }
                s.execute("DROP DATABASE IF EXISTS " + quoted);
            }
            s.execute("CREATE DATABASE " + quoted);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name + " on " + description + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * e.g. "embedded PostgreSQL 18.1 on 127.0.0.1:5433 (data: ...)", "local server on 127.0.0.1:5432",
     * "DATABASE_URL (host:port)"
     */
    public String description() {
        return description;
    }

    public boolean embedded() {
        return embeddedServer != null;
    }

    /** An embedded server's durability; null for a server that is not ours (it keeps its own settings). */
    public Durability durability() {
        return durability;
    }

    /** A JDBC connection to the given database with these credentials (driver used directly, no DriverManager). */
    public Connection connect(String database) throws SQLException {
        return connect(database, 10);
    }

    /** Stops only an embedded server; idempotent. */
    @Override
    public void close() {
        if (embeddedServer == null || closed.getAndSet(true)) {
            return;
        }
        try {
            embeddedServer.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the embedded PostgreSQL: " + e);
        } finally {
            if (watchdog != null) {
                watchdog.destroy();
            }
        }
    }

    @Override
    public String toString() {
        return "Postgres[" + description + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    private Connection connect(String database, int timeoutSeconds) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("ApplicationName", "risiti-infra");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), props);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + jdbcUrl(database));
        }
        return connection;
    }

    private String serverVersion() {
        try (Connection c = connect(adminDatabase, 10);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsupported database name: " + name);
        }
        return "\"" + name + "\"";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String redact(String url) {
        return url.replaceAll("://([^:@/]+):[^@/]*@", "://$1:***@").replaceAll("password=[^&]*", "password=***");
    }
}
