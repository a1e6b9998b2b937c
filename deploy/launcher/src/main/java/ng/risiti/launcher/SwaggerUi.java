package ng.risiti.launcher;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swagger UI from the org.webjars:swagger-ui jar, pointed at the merged document, tags closed and a filter box (the
 * document has 130+ operations). "Try it out" sends each call to the origin the page was opened on (the document
 * names http://localhost:8080; a page opened on 127.0.0.1 would otherwise make cross-origin calls the gateway does not
 * allow).
 */
final class SwaggerUi {

    static final String INDEX = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Risiti API</title>
              <link rel="stylesheet" href="/docs/swagger-ui/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui/swagger-ui-bundle.js"></script>
              <script src="/docs/swagger-ui/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: '/docs/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout',
                  // "Authorize" (an API key or a bearer token) holds across reloads; "Try it out" calls this origin
                  persistAuthorization: true, displayOperationId: true, displayRequestDuration: true,
                  // tags start closed, with a filter box: an open list of 150+ rows makes Swagger UI render only the
                  // rows on screen, so an operation further down (and a deep link to it, #/Customer/listCustomer)
                  // is not on the page until scrolled to; closed, the ~40 tags are one short list
                  docExpansion: 'none', filter: true,
                  requestInterceptor: (req) => {
                    const u = new URL(req.url, window.location.href);
                    if (u.pathname !== '/docs/openapi.json') { req.url = window.location.origin + u.pathname + u.search; }
                    return req;
                  }
                });
              </script>
            </body>
            </html>
            """;

    private final String root;
    private final Map<String, Buffer> cache = new ConcurrentHashMap<>();

    SwaggerUi() {
        this.root = "META-INF/resources/webjars/swagger-ui/" + version() + "/";
    }

    static String version() {
        try (InputStream in = SwaggerUi.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A file of the webjar (no sub-directories), or null. */
    Buffer file(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("..")) {
            return null;
        }
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(root + n)) {
                return in == null ? null : Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                return null;
            }
        });
    }

    static String contentType(String name) {
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".map") || name.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }
}
