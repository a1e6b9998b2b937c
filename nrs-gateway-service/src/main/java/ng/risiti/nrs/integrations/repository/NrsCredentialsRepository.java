package ng.risiti.nrs.integrations.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.nrs.integrations.domain.StoredNrsCredentials;

@ApplicationScoped
public class NrsCredentialsRepository implements PanacheRepositoryBase<StoredNrsCredentials, UUID> {
}
