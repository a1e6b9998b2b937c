package ng.risiti.webhook.endpoints.service;

import java.util.List;

/** What {@code POST /webhooks} asks for, validated for shape; the URL's target is checked by the service. */
public record NewEndpoint(String url, List<String> events, String description) {
}
