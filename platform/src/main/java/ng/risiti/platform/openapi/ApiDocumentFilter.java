package ng.risiti.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * What every service's OpenAPI document says the same way (docs/api-documents.md), written once here rather than on
 * every resource: the two credentials an operation accepts ({@code BearerAuth}, {@code ApiKeyAuth}; public ones
 * {@code security: []}), the error envelope and the standard error responses (docs/api-rules.md, Errors),
 * {@code Idempotency-Key} on every POST, the Finora dialect's camelCase schemas and envelope under its own tag,
 * summaries and examples where a resource gave none. Runs at build time, so the stored document
 * (target/openapi) and {@code /q/openapi} are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String BEARER = "BearerAuth";
    static final String API_KEY = "ApiKeyAuth";
    static final String FINORA_TAG = "Finora dialect";
    static final String FINORA_PREFIX = "/v1/";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String JSON = "application/json";

    /** status, code, message, and whether the response is added to every operation it can apply to. */
    record StandardError(String status, String name, String code, String message) {
    }

    static final List<StandardError> ERRORS = List.of(
            new StandardError("400", "BadRequest", "VALIDATION_ERROR", "Request body validation failed."),
            new StandardError("401", "Unauthorized", "UNAUTHORIZED", "Authentication is required."),
            new StandardError("402", "PaymentRequired", "PLAN_LIMIT_EXCEEDED", "The plan's limit for the period is used up."),
            new StandardError("403", "Forbidden", "FORBIDDEN", "Your role or key does not allow this."),
            new StandardError("404", "NotFound", "NOT_FOUND", "Not found."),
            new StandardError("409", "Conflict", "CONFLICT", "It already exists."),
            new StandardError("413", "PayloadTooLarge", "PAYLOAD_TOO_LARGE", "The body is over 10 MB."),
            new StandardError("422", "Unprocessable", "UNPROCESSABLE", "Invoice is not in draft status."),
            new StandardError("429", "TooManyRequests", "RATE_LIMIT_EXCEEDED", "Too many requests; see Retry-After."),
            new StandardError("503", "ServiceUnavailable", "SERVICE_UNAVAILABLE", "A dependency is away; retry later."));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        securitySchemes(components);
        errorSchemas(components);
        components.addParameter("IdempotencyKey", OASFactory.createParameter().name("Idempotency-Key")
                .in(Parameter.In.HEADER).required(false).description("Any string of 1 to 255 characters: the same key with the "
                        + "same request within 24 hours answers the first outcome again (docs/api-rules.md, Idempotency).")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).minLength(1).maxLength(255))
                .example("4f9c2a7e-8b1d-4c3e-9a55-0d6f1e2b3c4d"));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        if (components.getSchemas() != null && components.getSchemas().containsKey("JsonNode")) {
            // Jackson's tree type, not a shape of ours: any JSON value (a "JsonNode" model clashes in generated clients)
            components.addSchema("JsonNode", OASFactory.createSchema().description("Any JSON value."));
            components.removeSchema("JsonNodeType");
        }
        FinoraSchemas finora = new FinoraSchemas(components);
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null) {
                return;
            }
            boolean finoraPath = path.startsWith(FINORA_PREFIX);
            item.getOperations().forEach((method, op) -> {
                if (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.DELETE) {
                    // an unannotated parameter the framework injects (HttpServerRequest) is read as a body; these take none
                    op.setRequestBody(null);
                }
                if (finoraPath) {
                    finora.camelCase(op);
                }
                tags(op, finoraPath);
                summary(op);
                security(op);
                errors(op, path, method, finoraPath);
                if (method == PathItem.HttpMethod.POST) {
                    op.addParameter(OASFactory.createParameter().ref("#/components/parameters/IdempotencyKey"));
                }
                examples(op, components);
            });
            if (finoraPath && api.getTags() != null && api.getTags().stream().noneMatch(t -> FINORA_TAG.equals(t.getName()))
                    || finoraPath && api.getTags() == null) {
                api.addTag(finoraTag());
            }
        });
        renameResourceTags(api);
    }

    private static void securitySchemes(Components components) {
        if (components.getSecuritySchemes() != null) {
            new ArrayList<>(components.getSecuritySchemes().keySet()).forEach(components::removeSecurityScheme);
        }
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("An access token from POST /api/v1/auth/login (15 minutes). "
                        + "Finora paths (/v1/) also take an API key here: Authorization: Bearer rs_live_..."));
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("x-api-key")
                .description("An API key (rs_live_<40 hex>, or rs_test_ for the test world) from POST /api/v1/api-keys."));
    }

    /** Every requirement becomes "a bearer token or an API key, with these scopes"; none at all means public. */
    private static void security(Operation op) {
        List<String> scopes = new ArrayList<>();
        boolean secured = false;
        if (op.getSecurity() != null) {
            for (SecurityRequirement r : op.getSecurity()) {
                if (r.getSchemes() != null) {
                    for (List<String> s : r.getSchemes().values()) {
                        secured = true;
                        for (String scope : s == null ? List.<String>of() : s) {
                            if (!scopes.contains(scope)) {
                                scopes.add(scope);
                            }
                        }
                    }
                }
            }
        }
        if (!secured) {
            op.setSecurity(new ArrayList<>());
            return;
        }
        op.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER, scopes),
                OASFactory.createSecurityRequirement().addScheme(API_KEY, scopes))));
    }

    private static void errorSchemas(Components c) {
        Schema fieldError = object().addProperty("field", string("line_items[0].unit_price"))
                .addProperty("message", string("must be greater than 0")).required(List.of("field", "message"));
        c.addSchema("ErrorFieldDetail", fieldError);
        c.addSchema("ErrorEnvelope", object().description("Every failure's answer (docs/api-rules.md, Errors).")
                .addProperty("error", object()
                        .addProperty("code", string("VALIDATION_ERROR").description("Stable across versions: VALIDATION_ERROR, "
                                + "UNAUTHORIZED, TOKEN_EXPIRED, PLAN_LIMIT_EXCEEDED, FEATURE_NOT_AVAILABLE, FORBIDDEN, NOT_FOUND, "
                                + "METHOD_NOT_ALLOWED, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE, "
                                + "RATE_LIMIT_EXCEEDED, INTERNAL_ERROR, SERVICE_UNAVAILABLE, OAUTH_ACCOUNT"))
                        .addProperty("message", string("Request body validation failed."))
                        .addProperty("details", OASFactory.createSchema().addType(SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref(SCHEMAS + "ErrorFieldDetail")))
                        .addProperty("request_id", string("req_01954def-7c1a-4b8e-9d2f-3a6b5c4d7e8f"))
                        .required(List.of("code", "message", "details", "request_id")))
                .required(List.of("error")));
        c.addSchema("FinoraErrorEnvelope", object().description("Every failure's answer on the Finora paths (/v1/).")
                .addProperty("success", OASFactory.createSchema().addType(SchemaType.BOOLEAN).examples(List.of(false)))
                .addProperty("error", object()
                        .addProperty("code", string("VALIDATION_ERROR"))
                        .addProperty("message", string("must be greater than 0"))
                        .addProperty("field", string("lineItems[0].unitPrice"))
                        .addProperty("requestId", string("req_01954def-7c1a-4b8e-9d2f-3a6b5c4d7e8f"))
                        .required(List.of("code", "message", "requestId")))
                .required(List.of("success", "error")));
        for (StandardError e : ERRORS) {
            c.addResponse(e.name(), errorResponse(e, false));
            c.addResponse("Finora" + e.name(), errorResponse(e, true));
        }
    }

    private static APIResponse errorResponse(StandardError e, boolean finora) {
        Object example = finora
                ? Map.of("success", false, "error", Map.of("code", e.code(), "message", e.message(),
                        "requestId", "req_01954def-7c1a-4b8e-9d2f-3a6b5c4d7e8f"))
                : Map.of("error", Map.of("code", e.code(), "message", e.message(), "details", List.of(),
                        "request_id", "req_01954def-7c1a-4b8e-9d2f-3a6b5c4d7e8f"));
        return OASFactory.createAPIResponse().description(e.code() + ": " + e.message())
                .content(OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMAS + (finora ? "FinoraErrorEnvelope" : "ErrorEnvelope")))
                        .example(example)));
    }

    /**
     * Declared error statuses get the envelope; every operation also lists the errors any request can meet: 400 where
     * it takes input, 401 and 403 where it needs credentials, 404 on an id, 422 on a POST (an Idempotency-Key reused),
     * 429 always.
     */
    private static void errors(Operation op, String path, PathItem.HttpMethod method, boolean finora) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        Set<String> wanted = new HashSet<>();
        boolean input = op.getRequestBody() != null || op.getParameters() != null && !op.getParameters().isEmpty()
                || path.contains("{");
        if (input) wanted.add("400");
        if (!op.getSecurity().isEmpty()) {
            wanted.add("401");
            wanted.add("403");
        }
        if (path.contains("{")) wanted.add("404");
        if (method == PathItem.HttpMethod.POST) wanted.add("422");
        wanted.add("429");
        Map<String, APIResponse> declared = op.getResponses().getAPIResponses() == null ? Map.of()
                : new LinkedHashMap<>(op.getResponses().getAPIResponses());
        declared.keySet().stream().filter(s -> s.startsWith("4") || s.startsWith("5")).forEach(wanted::add);
        // a page for people (the pay page) answers its own errors as pages: documented as answered, not as the envelope
        declared.forEach((status, given) -> {
            if (given.getContent() != null && given.getContent().hasMediaType("text/html") && !given.getContent().hasMediaType(JSON)) {
                wanted.remove(status);
            }
        });
        for (StandardError e : ERRORS) {
            if (!wanted.contains(e.status())) {
                continue;
            }
            APIResponse given = declared.get(e.status());
            String description = given != null && given.getDescription() != null && given.getRef() == null
                    && !given.getDescription().startsWith("Not ") && !given.getDescription().equals("Bad Request")
                    ? given.getDescription() : null;
            if (description == null) {
                op.getResponses().addAPIResponse(e.status(), OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + (finora ? "Finora" : "") + e.name()));
            } else {
                // the resource said when this status happens: keep its words, add the envelope
                op.getResponses().addAPIResponse(e.status(), errorResponse(e, finora).description(description));
            }
            wanted.remove(e.status());
        }
        for (String status : wanted) {
            APIResponse given = declared.get(status);
            if (given != null && given.getContent() == null && given.getRef() == null) {
                given.content(OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMAS + (finora ? "FinoraErrorEnvelope" : "ErrorEnvelope")))));
            }
        }
    }

    /** One tag an operation: generated clients make a class a tag, and an operation in two would be declared twice. */
    private static void tags(Operation op, boolean finora) {
        if (finora) {
            op.setTags(new ArrayList<>(List.of(FINORA_TAG)));
            return;
        }
        List<String> tags = op.getTags() == null ? new ArrayList<>() : new ArrayList<>(op.getTags());
        tags.replaceAll(ApiDocumentFilter::tagName);
        op.setTags(tags);
    }

    static String tagName(String tag) {
        return tag.endsWith(" Resource") ? tag.substring(0, tag.length() - " Resource".length()) : tag;
    }

    private static void renameResourceTags(OpenAPI api) {
        if (api.getTags() != null) {
            api.getTags().forEach(t -> t.setName(tagName(t.getName())));
        }
    }

    private static Tag finoraTag() {
        return OASFactory.createTag().name(FINORA_TAG).description("Paths under /v1/ speak the Invoices reference's "
                + "dialect: camelCase bodies, answers as {\"success\": true, \"data\": {...}, \"meta\": {\"requestId\": \"...\"}}, "
                + "errors as {\"success\": false, \"error\": {\"code\", \"message\", \"field\", \"requestId\"}}; the API key may "
                + "come as Authorization: Bearer rs_live_..., and businessId must be the caller's tenant "
                + "(docs/api-rules.md, The Finora dialect).");
    }

    /** A resource without {@code @Operation(summary)}: its operation id in words ("listCustomer" reads "List customer"). */
    private static void summary(Operation op) {
        if ((op.getSummary() == null || op.getSummary().isBlank()) && op.getOperationId() != null) {
            String words = op.getOperationId().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
            op.setSummary(Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
    }

    private static void examples(Operation op, Components components) {
        List<Content> contents = new ArrayList<>();
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            contents.add(op.getRequestBody().getContent());
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().forEach((status, r) -> {
                if (status.startsWith("2") && r.getContent() != null) {
                    contents.add(r.getContent());
                }
            });
        }
        for (Content content : contents) {
            if (content.getMediaTypes() == null) {
                continue;
            }
            content.getMediaTypes().forEach((type, media) -> {
                if (type.contains("json") && media.getExample() == null
                        && (media.getExamples() == null || media.getExamples().isEmpty()) && media.getSchema() != null) {
                    Object example = Examples.of(media.getSchema(), components.getSchemas());
                    // a body of any JSON (a PATCH's JsonNode: absent fields stay as they are) shows the empty change
                    media.setExample(example == null ? Map.of() : example);
                }
            });
        }
    }

    static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    static Schema string(String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of(example));
    }

    /**
     * The Finora paths read and write camelCase (FinoraJson) while the scanner names properties as the API's
     * snake_case: their schemas are renamed back, in place for the dialect's own ({@code Finora...}), as a
     * {@code Finora}-prefixed copy for those it shares with the rest of the API.
     */
    static final class FinoraSchemas {
        private final Components components;
        private final Map<String, String> converted = new LinkedHashMap<>();

        FinoraSchemas(Components components) {
            this.components = components;
        }

        void camelCase(Operation op) {
            if (op.getRequestBody() != null) {
                media(op.getRequestBody().getContent(), m -> m.setSchema(convert(m.getSchema())));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values()
                        .forEach(r -> media(r.getContent(), m -> m.setSchema(convert(m.getSchema()))));
            }
        }

        private static void media(Content content, Consumer<MediaType> each) {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().forEach(each);
            }
        }

        private Schema convert(Schema schema) {
            if (schema == null) {
                return null;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                return OASFactory.createSchema().ref(SCHEMAS + convertNamed(name));
            }
            Schema copy = OASFactory.createSchema();
            copy.setAll(new LinkedHashMap<>(schema.getAll()));
            if (schema.getProperties() != null) {
                Map<String, Schema> props = new LinkedHashMap<>();
                schema.getProperties().forEach((k, v) -> props.put(camel(k), convert(v)));
                copy.setProperties(props);
            }
            if (schema.getRequired() != null) {
                copy.setRequired(schema.getRequired().stream().map(FinoraSchemas::camel).toList());
            }
            if (schema.getItems() != null) {
                copy.setItems(convert(schema.getItems()));
            }
            return copy;
        }

        private String convertNamed(String name) {
            String done = converted.get(name);
            if (done != null) {
                return done;
            }
            Schema original = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (original == null || !needsCamel(original)) {
                converted.put(name, name);
                return name;
            }
            String target = name.startsWith("Finora") ? name : "Finora" + name;
            converted.put(name, target);
            Schema camel = convert(original);
            components.addSchema(target, camel);
            return target;
        }

        /** Only object schemas (or those holding them) have names to change. */
        private boolean needsCamel(Schema s) {
            return s.getProperties() != null || s.getItems() != null || s.getAllOf() != null;
        }

        static String camel(String snake) {
            StringBuilder b = new StringBuilder(snake.length());
            boolean up = false;
            for (char ch : snake.toCharArray()) {
                if (ch == '_') {
                    up = b.length() > 0;
                } else {
                    b.append(up ? Character.toUpperCase(ch) : ch);
                    up = false;
                }
            }
            return b.toString();
        }
    }
}
