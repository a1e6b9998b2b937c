package ng.risiti.invoice.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ng.risiti.invoice.domain.KnownCustomer;

/** This service's replica of customers (see CustomerDirectory). */
@ApplicationScoped
public class KnownCustomerRepository implements PanacheRepositoryBase<KnownCustomer, UUID> {
}
