package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergerTests {

    static JsonNode doc(String json) throws Exception {
        return OpenApiMerger.JSON.readTree(json);
    }

    @Test
    void mergesTheRoutedPathsAndRenamesASchemaTwoServicesDefineDifferently() throws Exception {
        JsonNode auth = doc("""
                {"openapi":"3.1.0","info":{"title":"auth","version":"1.0"},
                 "paths":{"/api/v1/auth/login":{"post":{}}},
                 "components":{"schemas":{"Error":{"type":"object"},"Tenant":{"type":"object"}}}}""");
        JsonNode invoice = doc("""
                {"openapi":"3.1.0","info":{"title":"invoice","version":"1.0"},
                 "paths":{"/api/v1/invoices":{"get":{"responses":{"200":{"content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/Error"}}}}}}},
                   "/internal/outbox":{"get":{}},"/api/v1/auth/me":{"get":{}}},
                 "components":{"schemas":{"Error":{"type":"string"},"Invoice":{"type":"object"}}}}""");
        List<String> warnings = new ArrayList<>();
        ObjectNode merged = OpenApiMerger.merge(List.of(new OpenApiMerger.Source("auth-service", auth),
                new OpenApiMerger.Source("invoice-service", invoice)), List.of("webhook-service"), "http://localhost:8080",
                warnings::add);
        assertThat(merged.path("info").path("title").asText()).isEqualTo("Risiti API");
        assertThat(merged.path("servers").get(0).path("url").asText()).isEqualTo("http://localhost:8080");
        assertThat(merged.path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(merged.path("paths").has("/api/v1/invoices")).isTrue();
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("Error").path("type").asText()).isEqualTo("object");
        assertThat(schemas.has("Tenant") && schemas.has("Invoice")).isTrue();
        assertThat(schemas.path("Error_invoice").path("type").asText()).as("the later service's own Error, renamed").isEqualTo("string");
        assertThat(merged.at("/paths/~1api~1v1~1invoices/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Error_invoice");
        assertThat(merged.path("paths").has("/internal/outbox")).as("not routed by the gateway").isFalse();
        assertThat(merged.path("paths").has("/api/v1/auth/me")).as("routed to auth-service, not invoice-service").isFalse();
        assertThat(warnings).isEmpty();
    }
}
