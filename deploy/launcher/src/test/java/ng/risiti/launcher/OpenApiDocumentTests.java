package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document {@code /docs/openapi.json} serves, merged here as the gateway merges it, from the documents each
 * service's build stores in its target/openapi (platform {@code quarkus.smallrye-openapi.store-schema-directory}), so
 * no service runs. {@code ./mvnw verify} packages the services before this module; alone, run
 * {@code ./mvnw -o package -DskipTests} first. Checked by Redocly's linter (recommended rules) and for what a
 * third-party tool needs of every operation (docs/api-documents.md).
 */
class OpenApiDocumentTests {

    static final Path MERGED = Path.of("target/openapi/risiti-openapi.json").toAbsolutePath();
    private static ObjectNode document;

    @BeforeAll
    static void merge() throws Exception {
        List<String> warnings = new ArrayList<>();
        document = OpenApiMerger.mergeStored(DocsTools.ROOT, "http://localhost:8080", warnings::add);
        assertThat(warnings).as("paths or components two services define differently").isEmpty();
        Files.createDirectories(MERGED.getParent());
        Files.writeString(MERGED, document.toPrettyString());
    }

    static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getKey().equals("parameters")) {
                ops.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }));
        return ops;
    }

    @Test
    void redoclyLintWithTheRecommendedRulesFindsNoError() throws Exception {
        DocsTools.install();
        DocsTools.Result lint = DocsTools.run(DocsTools.TOOLS, List.of("node_modules/.bin/redocly", "lint", MERGED.toString(),
                "--extends=recommended", "--format=json", "--max-problems=1000"), 180);
        String out = lint.output();
        JsonNode report = OpenApiMerger.JSON.readTree(out.substring(out.indexOf("{\n")));
        List<String> errors = new ArrayList<>();
        report.path("problems").forEach(p -> {
            if ("error".equals(p.path("severity").asText())) {
                errors.add(p.path("ruleId").asText() + ": " + p.path("message").asText() + " at "
                        + p.path("location").path(0).path("pointer").asText());
            }
        });
        assertThat(errors).as("redocly lint errors in " + MERGED).isEmpty();
        assertThat(report.path("totals").path("errors").asInt()).isZero();
        assertThat(lint.exitCode()).as(out).isZero();
    }

    @Test
    void everyOperationHasASummaryTagsAnOperationIdUniqueAcrossServicesAndTheCredentialsItAccepts() {
        Map<String, String> ids = new HashMap<>();
        for (var op : operations()) {
            JsonNode o = op.getValue();
            assertThat(o.path("summary").asText()).as("summary of " + op.getKey()).isNotBlank();
            assertThat(o.path("tags")).as("tags of " + op.getKey()).isNotEmpty();
            String id = o.path("operationId").asText();
            assertThat(id).as("operationId of " + op.getKey()).matches("[a-z][A-Za-z0-9]*");
            assertThat(ids.put(id, op.getKey())).as("operationId " + id + " of " + op.getKey() + " is also " + ids.get(id)).isNull();
            assertThat(o.has("security")).as("security of " + op.getKey()).isTrue();
            List<String> schemes = new ArrayList<>();
            o.path("security").forEach(r -> r.fieldNames().forEachRemaining(schemes::add));
            assertThat(schemes).as("credentials of " + op.getKey()).isIn(List.of(), List.of("BearerAuth", "ApiKeyAuth"));
        }
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("BearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("ApiKeyAuth").path("name").asText()).isEqualTo("x-api-key");
        assertThat(schemes.path("ApiKeyAuth").path("in").asText()).isEqualTo("header");
        assertThat(ids).as("operations in the document").hasSizeGreaterThan(90);
        assertThat(document.path("paths").properties()).as("only public paths")
                .noneMatch(p -> p.getKey().startsWith("/internal/") || p.getKey().startsWith("/q/"));
    }

    @Test
    void everyOperationShowsExamplesAndAnswersItsErrorsInTheEnvelope() {
        JsonNode responses = document.path("components").path("responses");
        for (var op : operations()) {
            JsonNode o = op.getValue();
            boolean finora = op.getKey().contains(" /v1/");
            o.path("requestBody").path("content").properties().stream().filter(m -> m.getKey().contains("json"))
                    .forEach(m -> assertThat(m.getValue().has("example")).as("request example of " + op.getKey()).isTrue());
            o.path("responses").properties().forEach(r -> {
                String status = r.getKey();
                JsonNode response = r.getValue();
                if (status.startsWith("2")) {
                    response.path("content").properties().stream().filter(m -> m.getKey().contains("json")).forEach(m ->
                            assertThat(m.getValue().has("example")).as(status + " example of " + op.getKey()).isTrue());
                } else if (status.startsWith("4") || status.startsWith("5")) {
                    if (response.has("$ref")) {
                        response = responses.path(response.path("$ref").asText().replace("#/components/responses/", ""));
                    }
                    if (op.getKey().contains(" /p/") && response.path("content").has("text/html")) {
                        return; // the pay page answers people, errors included, in HTML (docs/specification.md)
                    }
                    assertThat(response.path("content").path("application/json").path("schema").path("$ref").asText())
                            .as(status + " of " + op.getKey())
                            .isEqualTo("#/components/schemas/" + (finora ? "FinoraErrorEnvelope" : "ErrorEnvelope"));
                }
            });
            if (!o.path("security").isEmpty()) {
                assertThat(o.path("responses").has("401") && o.path("responses").has("403")).as("401, 403 of " + op.getKey()).isTrue();
            }
            assertThat(o.path("responses").has("429")).as("429 of " + op.getKey()).isTrue();
        }
        for (String page : List.of("get /p/{token}/pay", "post /p/{token}/pay", "get /p/{token}/pay/done")) {
            String[] at = page.split(" ");
            assertThat(document.path("paths").path(at[1]).path(at[0]).path("responses").path("404").path("content").has("text/html"))
                    .as("404 of " + page + " is the HTML page it answers").isTrue();
        }
        JsonNode envelope = document.path("components").path("schemas").path("ErrorEnvelope").path("properties").path("error");
        assertThat(envelope.path("required")).extracting(JsonNode::asText)
                .containsExactly("code", "message", "details", "request_id");
    }

    @Test
    void theFinoraDialectHasItsOwnTagCamelCaseBodiesAndEnvelopeWhileTheApiIsSnakeCase() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode finoraCreate = document.at("/paths/~1v1~1invoices/post");
        assertThat(finoraCreate.path("tags")).extracting(JsonNode::asText).contains("Finora dialect");
        String finoraBody = finoraCreate.at("/requestBody/content/application~1json/schema/$ref").asText().replace("#/components/schemas/", "");
        assertThat(schemas.path(finoraBody).path("properties").has("lineItems")).as(finoraBody).isTrue();
        assertThat(finoraCreate.at("/requestBody/content/application~1json/example").has("lineItems")).isTrue();

        JsonNode create = document.at("/paths/~1api~1v1~1invoices/post");
        String body = create.at("/requestBody/content/application~1json/schema/$ref").asText().replace("#/components/schemas/", "");
        assertThat(schemas.path(body).path("properties").has("line_items")).as(body).isTrue();
        assertThat(create.path("tags")).extracting(JsonNode::asText).doesNotContain("Finora dialect");
        assertThat(document.path("tags").findValuesAsText("name")).contains("Finora dialect");
    }
}
