package ng.risiti.webhook.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.webhook.intake.domain.Event;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, String> {
}
