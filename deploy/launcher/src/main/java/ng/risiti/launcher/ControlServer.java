package ng.risiti.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How {@code ./risiti restart NAME} reaches the supervisor, a separate process: {@code POST /restart/NAME} on
 * 127.0.0.1 at a port the OS picks, both recorded in {@code state.json} with a random token the request must carry
 * in {@value #TOKEN_HEADER}. Only someone who can read state.json (owner-only) can restart things, and a web page
 * cannot (a browser would have to send that header cross-origin). The answer comes once the component is healthy
 * again (or failed to be).
 */
final class ControlServer implements AutoCloseable {

    static final String TOKEN_HEADER = "X-Risiti-Token";
    static final String RESTART_PATH = "/restart/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;

    private ControlServer(HttpServer server, ExecutorService executor, String token) {
        this.server = server;
        this.executor = executor;
        this.token = token;
    }

    static ControlServer start(Supervisor supervisor) throws IOException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(Stack.HOST), 0), 8);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ControlServer control = new ControlServer(server, executor, token);
        server.createContext(RESTART_PATH, exchange -> control.restart(exchange, supervisor));
        server.setExecutor(executor);
        server.start();
        return control;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String token() {
        return token;
    }

    private void restart(HttpExchange exchange, Supervisor supervisor) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "POST " + RESTART_PATH + "NAME"));
                return;
            }
            String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 403, Map.of("error", "missing or wrong " + TOKEN_HEADER + " (it is in state.json)"));
                return;
            }
            String name = exchange.getRequestURI().getPath().substring(RESTART_PATH.length());
            try {
                Supervisor.Restarted r = supervisor.restart(name, "restarted by hand (./risiti restart)");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", r.name());
                body.put("old_pid", r.oldPid());
                body.put("pid", r.pid());
                body.put("took_ms", r.took().toMillis());
                body.put("restarts", r.restarts());
                respond(exchange, 200, body);
            } catch (IllegalArgumentException e) {
                respond(exchange, 404, Map.of("error", e.getMessage()));
            } catch (Supervisor.NotNowException e) {
                respond(exchange, 409, Map.of("error", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 409, Map.of("error", "the stack is stopping"));
            } catch (RuntimeException e) {
                respond(exchange, 500, Map.of("error", Supervisor.rootMessage(e)));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = StackState.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening; a restart still being answered is interrupted by the supervisor's stop. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
