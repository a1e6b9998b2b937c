package ng.risiti.webhook.endpoints.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.crypto.SecretBox;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;
import ng.risiti.webhook.endpoints.domain.EndpointStatus;
import ng.risiti.webhook.endpoints.domain.WebhookEndpoint;
import ng.risiti.webhook.endpoints.domain.WebhookEvents;
import ng.risiti.webhook.endpoints.domain.WebhookSecret;
import ng.risiti.webhook.endpoints.repository.EndpointRepository;

/**
 * Registering and managing webhook endpoints (docs/specification.md, Webhooks). Another tenant's or world's endpoint is
 * 404; a URL webhooks may not call is 400 on {@code url}, decided by {@link TargetCheck} before anything is written.
 */
@ApplicationScoped
public class EndpointService {

    private final EndpointRepository endpoints;
    private final TargetCheck targets;
    private final SecretBox box;
    private final Clock clock;

    public EndpointService(EndpointRepository endpoints, TargetCheck targets, SecretBox box, Clock clock) {
        this.endpoints = endpoints;
        this.targets = targets;
        this.box = box;
        this.clock = clock;
    }

    public Uni<CreatedEndpoint> create(Caller caller, NewEndpoint request) {
        List<String> events = events(request.events());
        return checkedUrl(request.url()).flatMap(url -> Panache.withTransaction(() -> {
            OffsetDateTime now = Clocks.now(clock);
            String secret = WebhookSecret.generate();
            WebhookEndpoint endpoint = new WebhookEndpoint();
            endpoint.id = UuidV7.next();
            endpoint.tenantId = caller.tenantId();
            endpoint.testMode = caller.test();
            endpoint.url = url;
            endpoint.events = events;
            endpoint.description = request.description();
            endpoint.status = EndpointStatus.ACTIVE;
            endpoint.secret = box.seal(secret.getBytes(StandardCharsets.UTF_8), WebhookSecret.boxContext(endpoint.id));
            endpoint.createdAt = now;
            endpoint.updatedAt = now;
            return endpoints.persist(endpoint).map(saved -> new CreatedEndpoint(saved, secret));
        }));
    }

    public Uni<List<WebhookEndpoint>> page(Caller caller, PageRequest page) {
        return Panache.withSession(() -> endpoints.page(caller.tenancy(), page));
    }

    public Uni<WebhookEndpoint> get(Caller caller, UUID id) {
        return Panache.withSession(() -> owned(caller.tenancy(), id));
    }

    /** Only the fields sent change; a new URL is checked like a new endpoint's. Resuming clears an automatic pause's reason. */
    public Uni<WebhookEndpoint> update(Caller caller, UUID id, EndpointChanges changes) {
        List<String> events = changes.events() == null ? null : events(changes.events().value());
        Uni<String> url = changes.url() == null ? Uni.createFrom().nullItem() : checkedUrl(changes.url().value());
        return url.flatMap(checked -> Panache.withTransaction(() -> owned(caller.tenancy(), id).flatMap(endpoint -> {
            if (checked != null) {
                endpoint.url = checked;
            }
            if (events != null) {
                endpoint.events = events;
            }
            if (changes.description() != null) {
                endpoint.description = changes.description().value();
            }
            if (changes.status() != null && changes.status().value() != endpoint.status) {
                endpoint.status = changes.status().value();
                endpoint.pausedReason = null;
                endpoint.failingSince = null;
            }
            endpoint.updatedAt = Clocks.now(clock);
            return endpoints.flush().replaceWith(endpoint);
        })));
    }

    /** Deletes the endpoint with its deliveries and their log: nothing is sent to it from this moment on. */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withTransaction(() -> owned(caller.tenancy(), id).flatMap(endpoints::delete));
    }

    /** The endpoint's secret in the clear, to sign with. */
    public String secretOf(UUID endpointId, byte[] sealed) {
        return new String(box.open(sealed, WebhookSecret.boxContext(endpointId)), StandardCharsets.UTF_8);
    }

    private Uni<WebhookEndpoint> owned(Tenancy tenancy, UUID id) {
        return endpoints.owned(tenancy, id).onItem().ifNull().failWith(() -> ApiException.notFound("Webhook", id));
    }

    private static List<String> events(List<String> requested) {
        WebhookEvents.Parsed parsed = WebhookEvents.parse(requested);
        if (parsed.problem() != null) {
            throw ApiException.validation("events", parsed.problem());
        }
        return parsed.events();
    }

    private Uni<String> checkedUrl(String url) {
        return targets.check(url).map(checked -> checked.target().url())
                .onFailure(TargetCheck.Refused.class).transform(refused -> ApiException.validation("url", refused.getMessage()));
    }
}
