package ng.risiti.webhook.endpoints.service;

import ng.risiti.webhook.endpoints.domain.WebhookEndpoint;

/** A new endpoint and its secret in the clear: the one time anyone sees it. */
public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {
}
