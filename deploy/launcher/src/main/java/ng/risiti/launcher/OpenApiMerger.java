package ng.risiti.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Merges the services' OpenAPI documents into one: paths, components (schemas and the rest) and tags. Only the
 * paths the gateway routes to a service are taken from it ({@link Routes}: no {@code /internal/*}, none of the
 * platform's paths every service repeats). A component named alike in two services but different is renamed
 * {@code Name_service} in the later one, its references with it, so each operation keeps its own shape.
 */
public final class OpenApiMerger {

    static final ObjectMapper JSON = new ObjectMapper();

    record Source(String service, JsonNode document) {
    }

    private OpenApiMerger() {
    }

    /**
     * Writes the merged document of the services' build-time documents ({@code <service>/target/openapi/openapi.json},
     * platform {@code quarkus.smallrye-openapi.store-schema-directory}): the one the system tests generate clients from.
     * Usage: {@code OpenApiMerger <repository root> <output file>}.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, mergeStored(Path.of(args[0]), "http://localhost:8080",
                System.err::println).toPrettyString());
    }

    /** The merge of every service's stored build-time document; a service not built yet is an error. */
    static ObjectNode mergeStored(Path root, String serverUrl, Consumer<String> warn) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (String service : Routes.SERVICES) {
            Path stored = root.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.exists(stored)) {
                throw new FileNotFoundException(stored + ": package the services first (./mvnw -o package -DskipTests)");
            }
            sources.add(new Source(service, JSON.readTree(stored.toFile())));
        }
        return merge(sources, List.of(), serverUrl, warn);
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
        Map<String, String> pathOwner = new HashMap<>();
        Map<String, String> componentOwner = new HashMap<>();
        List<JsonNode> security = new ArrayList<>();

        for (Source s : sources) {
            JsonNode doc = renameClashes(s, components);
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                var e = it.next();
                if (!Routes.resolve(e.getKey()).map(s.service()::equals).orElse(false)) {
                    continue;
                }
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
                if (usesTag(paths, tag.path("name").asText()) && tagNames.add(tag.path("name").asText())) {
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

    /** The source's document with each component that differs from an already merged one of the same name renamed. */
    private static JsonNode renameClashes(Source s, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> kinds = s.document().path("components").fields(); kinds.hasNext(); ) {
            var kind = kinds.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode existing = merged.path(kind.getKey()).get(e.getKey());
                if (existing != null && !existing.equals(e.getValue())) {
                    String renamed = e.getKey() + "_" + s.service().replace("-service", "").replace('-', '_');
                    renames.put("#/components/" + kind.getKey() + "/" + e.getKey(),
                            "#/components/" + kind.getKey() + "/" + renamed);
                }
            }
        }
        if (renames.isEmpty()) {
            return s.document();
        }
        JsonNode doc = s.document().deepCopy();
        renames.forEach((from, to) -> {
            String[] f = from.split("/");
            String[] t = to.split("/");
            ObjectNode kind = (ObjectNode) doc.path("components").path(f[2]);
            kind.set(t[3], kind.remove(f[3]));
        });
        rewriteRefs(doc, renames);
        return doc;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                o.put("$ref", renames.get(ref.asText()));
            }
            o.forEach(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static boolean usesTag(ObjectNode paths, String tag) {
        for (JsonNode item : paths) {
            for (JsonNode op : item) {
                for (JsonNode t : op.path("tags")) {
                    if (t.asText().equals(tag)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
