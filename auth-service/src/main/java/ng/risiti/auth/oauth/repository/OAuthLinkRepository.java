package ng.risiti.auth.oauth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.auth.oauth.domain.OAuthLink;

@ApplicationScoped
public class OAuthLinkRepository implements PanacheRepositoryBase<OAuthLink, UUID> {

    public Uni<OAuthLink> findBySubject(String provider, String subject) {
        return find("provider = ?1 and subject = ?2", provider, subject).firstResult();
    }
}
