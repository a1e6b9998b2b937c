package ng.risiti.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Merges the services' OpenAPI documents into one: paths, components (schemas and the rest) and tags;
 * on a name collision the first service (in {@link Routes#SERVICES} order) wins and the clash is reported.
 */
final class OpenApiMerger {

    static final ObjectMapper JSON = new ObjectMapper();

    record Source(String service, JsonNode document) {
    }

    private OpenApiMerger() {
    }

    static ObjectNode merge(List<Source> sources, List<String> unavailable, String serverUrl, Consumer<String> warn) {
        ObjectNode out = JSON.createObjectNode();
        String version = sources.stream().map(s -> s.document().path("openapi").asText(null))
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse("3.0.3");
        out.put("openapi", version);
        ObjectNode info = out.putObject("info");
        info.put("title", "Risiti API");
        info.put("version", sources.stream().map(s -> s.document().path("info").path("version").asText(null))
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse("0.1.0"));
        info.put("description", "All Risiti services behind the local gateway." + (unavailable.isEmpty() ? ""
                : " Not available right now: " + String.join(", ", unavailable) + "."));
        out.putArray("servers").addObject().put("url", serverUrl);

        ObjectNode paths = out.putObject("paths");
        ObjectNode components = JSON.createObjectNode();
        ArrayNode tags = JSON.createArrayNode();
        Set<String> tagNames = new HashSet<>();
        Map<String, String> pathOwner = new java.util.HashMap<>();
        Map<String, String> componentOwner = new java.util.HashMap<>();
        List<JsonNode> security = new ArrayList<>();

        for (Source s : sources) {
            JsonNode doc = s.document();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                var e = it.next();
                if (paths.has(e.getKey())) {
                    warn.accept("openapi: path " + e.getKey() + " from " + s.service() + " already defined by "
                            + pathOwner.get(e.getKey()) + "; keeping the first");
                } else {
                    paths.set(e.getKey(), e.getValue());
                    pathOwner.put(e.getKey(), s.service());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> kinds = doc.path("components").fields(); kinds.hasNext(); ) {
                var kind = kinds.next();
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext(); ) {
                    var e = it.next();
                    String key = kind.getKey() + "/" + e.getKey();
                    if (target.has(e.getKey())) {
                        if (!target.get(e.getKey()).equals(e.getValue())) {
                            warn.accept("openapi: components." + kind.getKey() + "." + e.getKey() + " from " + s.service()
                                    + " differs from the one in " + componentOwner.get(key) + "; keeping the first");
                        }
                    } else {
                        target.set(e.getKey(), e.getValue());
                        componentOwner.put(key, s.service());
                    }
                }
            }
            for (JsonNode tag : doc.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
            for (JsonNode req : doc.path("security")) {
                if (!security.contains(req)) {
                    security.add(req);
                }
            }
        }
        if (!components.isEmpty()) {
            out.set("components", components);
        }
        if (!tags.isEmpty()) {
            out.set("tags", tags);
        }
        if (!security.isEmpty()) {
            out.putArray("security").addAll(security);
        }
        return out;
    }
}
