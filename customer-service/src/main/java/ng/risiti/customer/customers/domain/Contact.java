package ng.risiti.customer.customers.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person at a customer (say, accounts payable), listed on the customer. */
@Entity
@Table(name = "customer_contacts")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public String name;
    public String email;
    public String phone;
    public String role;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
