package ng.risiti.customer.invoices.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The latest known state of one invoice of a customer: its figures and its row in the customer's invoice list. */
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
    /** Null for rows written before the listing columns existed, until the invoice's next event. */
    @Column(name = "invoice_number")
    public String invoiceNumber;
    public String currency;
    @Column(name = "total_amount_kobo")
    public Long totalAmountKobo;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    /** {@code invoice} or {@code credit_note}. */
    public String type;
    @Column(name = "customer_credit_kobo")
    public long customerCreditKobo;
}
