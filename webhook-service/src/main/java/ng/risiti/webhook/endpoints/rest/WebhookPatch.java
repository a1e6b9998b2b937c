package ng.risiti.webhook.endpoints.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.rest.Change;
import ng.risiti.webhook.endpoints.domain.EndpointStatus;
import ng.risiti.webhook.endpoints.service.EndpointChanges;

/**
 * {@code PATCH /api/v1/webhooks/{id}}: {@code url}, {@code events}, {@code description} (null clears it) and
 * {@code status} (active or paused), each optional. Shape errors are reported together; the URL's target and the
 * event names are checked by the service.
 */
final class WebhookPatch {

    private WebhookPatch() {
    }

    static EndpointChanges read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        Change<String> url = null;
        if (body.has("url")) {
            if (body.get("url").isTextual()) {
                url = new Change<>(body.get("url").asText());
            } else {
                errors.add(new FieldError("url", "url must be a string"));
            }
        }
        Change<List<String>> events = null;
        if (body.has("events")) {
            JsonNode node = body.get("events");
            if (node.isArray()) {
                List<String> names = new ArrayList<>();
                node.forEach(name -> names.add(name.isTextual() ? name.asText() : null));
                events = new Change<>(names);
            } else {
                errors.add(new FieldError("events", "events must be an array of event names"));
            }
        }
        Change<String> description = null;
        if (body.has("description")) {
            JsonNode node = body.get("description");
            if (node.isNull() || (node.isTextual() && node.asText().isBlank())) {
                description = new Change<>(null);
            } else if (!node.isTextual() || node.asText().trim().length() > 500) {
                errors.add(new FieldError("description", "description must be a string of at most 500 characters"));
            } else {
                description = new Change<>(node.asText().trim());
            }
        }
        Change<EndpointStatus> status = null;
        if (body.has("status")) {
            JsonNode node = body.get("status");
            EndpointStatus value = node.isTextual() ? EndpointStatus.parse(node.asText()).orElse(null) : null;
            if (value == null) {
                errors.add(new FieldError("status", "status must be active or paused"));
            } else {
                status = new Change<>(value);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new EndpointChanges(url, events, description, status);
    }
}
