package ng.risiti.webhook.endpoints.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.webhook.endpoints.domain.WebhookEndpoint;

/**
 * An endpoint as the API shows it. {@code secret} only in the answer to its creation (left out everywhere else);
 * {@code paused_reason} says why the service paused it, when it did.
 */
public record WebhookResponse(UUID id, String url, List<String> events, String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret, String status, String pausedReason,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static WebhookResponse of(WebhookEndpoint endpoint) {
        return withSecret(endpoint, null);
    }

    public static WebhookResponse withSecret(WebhookEndpoint endpoint, String secret) {
        return new WebhookResponse(endpoint.id, endpoint.url, endpoint.events, endpoint.description, secret, endpoint.status.wireName(),
                endpoint.pausedReason, endpoint.createdAt, endpoint.updatedAt);
    }
}
