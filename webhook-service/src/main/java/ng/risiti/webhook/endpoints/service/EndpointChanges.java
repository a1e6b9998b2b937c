package ng.risiti.webhook.endpoints.service;

import java.util.List;
import ng.risiti.platform.rest.Change;
import ng.risiti.webhook.endpoints.domain.EndpointStatus;

/** A PATCH: each field null when not sent (unchanged). */
public record EndpointChanges(Change<String> url, Change<List<String>> events, Change<String> description, Change<EndpointStatus> status) {
}
