package ng.risiti.customer.invoices.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.customer.invoices.domain.CustomerInvoice;
import ng.risiti.customer.invoices.domain.InvoiceFigures;
import ng.risiti.customer.invoices.repository.CustomerInvoiceRepository;
import ng.risiti.platform.pagination.PageRequest;

/** What the customers context may ask of the invoices this service has heard of. */
@ApplicationScoped
public class CustomerInvoiceService {

    private final CustomerInvoiceRepository invoices;

    public CustomerInvoiceService(CustomerInvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /**
     * The figures of those of the tenant's customers that have invoices (the others have {@link InvoiceFigures#NONE}).
     * It joins the caller's session rather than opening one, so a customer and its figures are read together.
     */
    public Uni<Map<UUID, InvoiceFigures>> figures(UUID tenantId, Collection<UUID> customerIds) {
        return invoices.figures(tenantId, customerIds);
    }

    /** One customer's invoices, newest first; joins the caller's session (which has checked the customer). */
    public Uni<List<CustomerInvoice>> page(UUID tenantId, UUID customerId, PageRequest page) {
        return invoices.page(tenantId, customerId, page);
    }
}
