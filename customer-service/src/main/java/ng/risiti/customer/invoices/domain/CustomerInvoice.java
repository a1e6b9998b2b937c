package ng.risiti.customer.invoices.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The latest known state of one invoice of a customer, kept for its invoice count and outstanding balance. */
@Entity
@Table(name = "customer_invoices")
public class CustomerInvoice extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String status;
    @Column(name = "amount_due_kobo")
    public long amountDueKobo;
}
