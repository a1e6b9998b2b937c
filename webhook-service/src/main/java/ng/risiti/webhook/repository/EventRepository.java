package ng.risiti.webhook.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.webhook.domain.Event;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, String> {
}
