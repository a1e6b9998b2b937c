package ng.risiti.nrs.sandbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ng.risiti.nrs.sandbox.NrsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The business ids NRS knows. NRS refuses an invoice of a business it has no entity for; the sandbox does the same
 * when {@code sandbox.business-ids} lists the known ones (unset, the default: any UUID is known, so a fresh CI run
 * works without setup).
 */
@ApplicationScoped
public class BusinessRegistry {

    private final Optional<Set<String>> known;

    public BusinessRegistry(@ConfigProperty(name = "sandbox.business-ids") Optional<List<String>> known) {
        this.known = known.map(ids -> Set.copyOf(ids.stream().map(String::trim).map(String::toLowerCase).toList()));
    }

    /** The businesses the sandbox was told of (empty when it knows every UUID). */
    public Set<String> known() {
        return known.orElse(Set.of());
    }

    /** 404 in NRS's envelope for a business NRS has no entity for. */
    public void require(String businessId, String handler) {
        if (businessId == null) {
            return; // the validator names the missing field
        }
        if (known.isPresent() && !known.get().contains(businessId.trim().toLowerCase())) {
            throw new NrsException(404, handler, "business not found", "no entity with business_id " + businessId);
        }
    }
}
