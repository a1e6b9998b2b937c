package ng.risiti.auth.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.auth.session.Session;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {
}
