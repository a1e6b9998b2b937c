package ng.risiti.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local gateway: forwards by {@link Routes} with Vert.x's HTTP reverse proxy (streaming, headers,
 * cookies and status untouched, plus X-Forwarded-*), answers unknown paths and unreachable services in the
 * platform's error envelope, aggregates health at {@code /q/health}, and serves the merged OpenAPI document
 * and Swagger UI under {@code /docs}.
 */
final class Gateway {

    static final String REQUEST_ID = "X-Request-Id";

    private final Vertx vertx;
    private final Map<String, SocketAddress> upstreams;
    private final Map<String, String> healthTargets;
    private final String publicUrl;
    private final Consumer<String> log;
    private final HttpClient client;
    private final WebClient web;
    private final Map<String, HttpProxy> proxies = new LinkedHashMap<>();
    private final SwaggerUi swaggerUi = new SwaggerUi();
    private final Duration openApiTtl;
    private volatile long openApiAt;
    private volatile Future<Buffer> openApi;
    private HttpServer server;

    /**
     * @param upstreams     service name (as in {@link Routes}) to address; a routed service missing here answers 503
     * @param healthTargets name to base URL probed at {@code /q/health/ready} for the aggregated health
     */
    Gateway(Vertx vertx, Map<String, SocketAddress> upstreams, Map<String, String> healthTargets, String publicUrl,
            Duration openApiTtl, Consumer<String> log) {
        this.vertx = vertx;
        this.upstreams = Map.copyOf(upstreams);
        this.healthTargets = new LinkedHashMap<>(healthTargets);
        this.publicUrl = publicUrl;
        this.openApiTtl = openApiTtl;
        this.log = log;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(64));
        this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000));
        upstreams.forEach((name, address) -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(address);
            proxy.addInterceptor(new Forwarding(name));
            proxies.put(name, proxy);
        });
    }

    Future<Integer> listen(String host, int port) {
        Router router = Router.router(vertx);
        router.get("/q/health").handler(this::health);
        router.get("/docs/openapi.json").handler(this::openApi);
        router.get("/docs").handler(this::swaggerIndex);
        router.get("/docs/").handler(this::swaggerIndex);
        router.get("/docs/swagger-ui/:file").handler(this::swaggerFile);
        router.route().handler(this::forward);
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(false))
                .requestHandler(router)
                .listen()
                .map(s -> {
                    server = s;
                    return s.actualPort();
                });
    }

    Future<Void> close() {
        Future<Void> f = server == null ? Future.succeededFuture() : server.close();
        return f.eventually(() -> client.close()).eventually(() -> {
            web.close();
            return Future.succeededFuture();
        });
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        var service = Routes.resolve(req.path());
        if (service.isEmpty()) {
            error(req.response(), req, 404, "NOT_FOUND", "No route for " + req.method() + " " + req.path());
            return;
        }
        HttpProxy proxy = proxies.get(service.get());
        if (proxy == null) {
            error(req.response(), req, 503, "SERVICE_UNAVAILABLE", service.get() + " is not running in this local stack");
            return;
        }
        proxy.handle(req);
    }

    /** Adds X-Forwarded-*, and turns an unreachable upstream into a 503 envelope instead of a bare 502. */
    private final class Forwarding implements ProxyInterceptor {
        private final String service;

        Forwarding(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest in = request.proxiedRequest();
            MultiMap h = request.headers();
            String remote = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
            String prior = h.get("X-Forwarded-For");
            h.set("X-Forwarded-For", prior == null ? remote : prior + ", " + remote);
            if (!h.contains("X-Forwarded-Proto")) {
                h.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
            }
            if (!h.contains("X-Forwarded-Host") && in.authority() != null) {
                h.set("X-Forwarded-Host", in.authority().toString());
            }
            if (!h.contains("X-Forwarded-Port") && in.localAddress() != null) {
                h.set("X-Forwarded-Port", Integer.toString(in.localAddress().port()));
            }
            if (in.version() == HttpVersion.HTTP_2 && !in.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                // HTTP/2 (h2c: Java's HttpClient asks for it) frames a body without Content-Length; the HTTP/1.1 request
                // upstream needs a length or chunks, and the proxy chunks only when the incoming headers say chunked
                if (in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD) {
                    request.setBody(null);
                } else {
                    in.headers().set(HttpHeaders.TRANSFER_ENCODING, "chunked");
                }
            }
            return context.sendRequest().recover(err -> {
                String rid = requestId(in);
                ProxyResponse response = request.release().response();
                response.headers().clear();
                response.setStatusCode(503)
                        .putHeader("Content-Type", "application/json")
                        .putHeader(REQUEST_ID, rid)
                        .setBody(Body.body(envelope("SERVICE_UNAVAILABLE", service + " is not reachable ("
                                + (err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage()) + ")", rid)));
                return Future.succeededFuture(response);
            });
        }
    }

    static void error(HttpServerResponse response, HttpServerRequest req, int status, String code, String message) {
        String rid = requestId(req);
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader(REQUEST_ID, rid)
                .end(envelope(code, message, rid));
    }

    static Buffer envelope(String code, String message, String requestId) {
        return new JsonObject().put("error", new JsonObject()
                .put("code", code)
                .put("message", message)
                .put("details", new JsonArray())
                .put("request_id", requestId)).toBuffer();
    }

    private static String requestId(HttpServerRequest req) {
        String given = req.getHeader(REQUEST_ID);
        return given != null && !given.isBlank() && given.length() <= 200 ? given : RequestIds.next();
    }

    private void health(RoutingContext ctx) {
        List<Future<JsonObject>> checks = new ArrayList<>();
        healthTargets.forEach((name, base) -> checks.add(web.getAbs(base + "/q/health/ready").timeout(2000).send()
                .map(r -> r.statusCode() / 100 == 2 ? "UP" : "DOWN")
                .otherwise("DOWN")
                .map(status -> new JsonObject().put("name", name).put("status", status).put("url", base))));
        Future.join(checks).onComplete(ar -> {
            JsonArray arr = new JsonArray();
            boolean up = true;
            for (Future<JsonObject> f : checks) {
                JsonObject c = f.result();
                arr.add(c);
                up &= "UP".equals(c.getString("status"));
            }
            JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", arr);
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json").end(body.toBuffer());
        });
    }

    private void openApi(RoutingContext ctx) {
        long now = System.nanoTime();
        Future<Buffer> doc = openApi;
        if (doc == null || now - openApiAt > openApiTtl.toNanos() || doc.failed()) {
            openApiAt = now;
            doc = openApi = buildOpenApi();
        }
        doc.onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().putHeader("Content-Type", "application/json").end(ar.result());
            } else {
                error(ctx.response(), ctx.request(), 503, "SERVICE_UNAVAILABLE", "cannot build the OpenAPI document: "
                        + ar.cause().getMessage());
            }
        });
    }

    private Future<Buffer> buildOpenApi() {
        List<String> names = Routes.SERVICES.stream().filter(upstreams::containsKey).toList();
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (String name : names) {
            SocketAddress a = upstreams.get(name);
            fetches.add(web.get(a.port(), a.host(), "/q/openapi").addQueryParam("format", "json").timeout(3000).send()
                    .compose(r -> {
                        if (r.statusCode() != 200) {
                            return Future.failedFuture(name + " answered " + r.statusCode());
                        }
                        try {
                            return Future.succeededFuture(OpenApiMerger.JSON.readTree(r.bodyAsString()));
                        } catch (Exception e) {
                            return Future.failedFuture(e);
                        }
                    }));
        }
        return Future.join(fetches).otherwiseEmpty().map(v -> {
            List<OpenApiMerger.Source> sources = new ArrayList<>();
            List<String> unavailable = new ArrayList<>(Routes.SERVICES.stream().filter(s -> !upstreams.containsKey(s)).toList());
            for (int i = 0; i < names.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    sources.add(new OpenApiMerger.Source(names.get(i), fetches.get(i).result()));
                } else {
                    unavailable.add(names.get(i));
                }
            }
            return Buffer.buffer(OpenApiMerger.merge(sources, unavailable, publicUrl, log).toPrettyString());
        });
    }

    private void swaggerIndex(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(SwaggerUi.INDEX);
    }

    private void swaggerFile(RoutingContext ctx) {
        String name = ctx.pathParam("file");
        Buffer b = swaggerUi.file(name);
        if (b == null) {
            error(ctx.response(), ctx.request(), 404, "NOT_FOUND", "No route for GET " + ctx.request().path());
            return;
        }
        ctx.response().putHeader("Content-Type", SwaggerUi.contentType(name))
                .putHeader("Cache-Control", "max-age=3600").end(b);
    }
}
