package ng.risiti.webhook.endpoints.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import ng.risiti.webhook.endpoints.service.NewEndpoint;

/**
 * {@code POST /api/v1/webhooks}: {@code url} (https; see docs/webhooks.md for the address rules), {@code events} (names
 * from the catalogue, or {@code ["*"]}), optional {@code description}. The URL and event names are checked by the
 * service, which names the bad one.
 */
public record CreateWebhookRequest(
        @NotNull String url,
        @NotNull List<String> events,
        @Size(max = 500) String description) {

    public NewEndpoint toNewEndpoint() {
        String text = description == null || description.isBlank() ? null : description.trim();
        return new NewEndpoint(url, events, text);
    }
}
