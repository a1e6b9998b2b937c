package ng.risiti.invoice.taxes.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ng.risiti.invoice.taxes.domain.TaxRate;

/**
 * Tax rates a tenant may use: the system's and its own. System rates change only by migration (a deploy, which
 * restarts the service), so they are read once and kept;
 * only a tenant's own rates are looked up per request (and only when a line names one).
 */
@ApplicationScoped
public class TaxRateRepository implements PanacheRepositoryBase<TaxRate, UUID> {

    private volatile Map<UUID, TaxRate> systemRates;

    public Uni<List<TaxRate>> usableBy(UUID tenantId, Collection<UUID> ids) {
        return system().flatMap(system -> {
            List<TaxRate> found = new ArrayList<>();
            List<UUID> others = new ArrayList<>();
            for (UUID id : ids) {
                TaxRate rate = system.get(id);
                if (rate != null) {
                    found.add(rate);
                } else {
                    others.add(id);
                }
            }
            if (others.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            return list("id in ?1 and tenantId = ?2", others, tenantId).map(own -> {
                found.addAll(own);
                return found;
            });
        });
    }

    private Uni<Map<UUID, TaxRate>> system() {
        Map<UUID, TaxRate> known = systemRates;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return list("tenantId is null").map(rates -> {
            Map<UUID, TaxRate> loaded = rates.stream().collect(Collectors.toUnmodifiableMap(rate -> rate.id, Function.identity()));
            systemRates = loaded;
            return loaded;
        });
    }
}
