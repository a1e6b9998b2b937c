package ng.risiti.invoice.invoices.rest;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.resteasy.reactive.jackson.CustomSerialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.FinoraStatus;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceListFilter;
import ng.risiti.invoice.invoices.domain.InvoiceType;
import ng.risiti.invoice.invoices.service.InvoiceLifecycle;
import ng.risiti.invoice.invoices.service.InvoiceService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.finora.FinoraBusiness;
import ng.risiti.platform.finora.FinoraJson;
import ng.risiti.platform.finora.FinoraResponse;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /v1/invoices}: the Finora dialect's invoices (seed 001), the same invoices as {@code /api/v1/invoices} under
 * that dialect's names, envelope and statuses. {@code businessId} (query, or body on writes) must be the caller's
 * tenant, else 404. Credit notes do not exist in this dialect: they are neither listed nor found.
 */
@Path("/v1/invoices")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CustomSerialization(FinoraJson.Writer.class)
@CustomDeserialization(FinoraJson.Reader.class)
public class FinoraInvoiceResource {

    /** The dialect's list: newest first, 50 unless {@code limit} (at most 100) says otherwise; no cursor. */
    static final int DEFAULT_LIMIT = 50;
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    /** The list's {@code data}: the invoices and how many there are in it. */
    public record InvoiceList(List<FinoraInvoice> invoices, int count) {
    }

    private final InvoiceService invoices;
    private final InvoiceLifecycle lifecycle;
    private final Pagination pagination;
    private final SecurityIdentity identity;
    private final Clock clock;

    public FinoraInvoiceResource(InvoiceService invoices, InvoiceLifecycle lifecycle, Pagination pagination, SecurityIdentity identity,
            Clock clock) {
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.pagination = pagination;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<FinoraResponse<InvoiceList>> list(@RestQuery String businessId, @RestQuery String limit, @RestQuery String status,
            RoutingContext routing) {
        Caller caller = business(businessId);
        InvoiceListFilter filter = status == null || status.isBlank()
                ? new InvoiceListFilter(null, false, null, null, null, null, InvoiceType.INVOICE, false)
                : FinoraStatus.parse(status.trim()).orElseThrow(() -> ApiException.validation("status",
                        "status must be one of draft, unsent, sent, partially_paid, paid, overdue, cancelled")).filter();
        var page = pagination.request(null, limit, DEFAULT_LIMIT);
        LocalDate today = today();
        return invoices.page(caller, filter, page).map(rows -> {
            List<FinoraInvoice> shown = rows.stream().limit(page.limit()).map(invoice -> FinoraInvoice.of(invoice, today)).toList();
            return FinoraResponse.of(new InvoiceList(shown, shown.size()), routing);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.INVOICES_READ)
    public Uni<FinoraResponse<FinoraInvoice>> get(@RestPath String id, @RestQuery String businessId, RoutingContext routing) {
        Caller caller = business(businessId);
        return invoice(caller, id).map(invoice -> FinoraResponse.of(FinoraInvoice.of(invoice, today()), routing));
    }

    /** A draft, numbered like any other; 201. */
    @POST
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<RestResponse<FinoraResponse<FinoraInvoice>>> create(@RestQuery String businessId, @Valid @NotNull FinoraInvoiceRequest request,
            RoutingContext routing) {
        Caller caller = business(businessId != null ? businessId : request.businessId());
        LocalDate today = today();
        return invoices.create(caller, request.toNewInvoice(today)).map(invoice -> RestResponse.status(RestResponse.Status.CREATED,
                FinoraResponse.of(FinoraInvoice.of(invoice, today), routing)));
    }

    /** Changes a draft (422 otherwise); new lines keep the invoice's VAT rate, zero-rated or standard. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Scope.INVOICES_WRITE)
    public Uni<FinoraResponse<FinoraInvoice>> update(@RestPath String id, @RestQuery String businessId,
            @Valid @NotNull FinoraInvoiceUpdate request, RoutingContext routing) {
        Caller caller = business(businessId != null ? businessId : request.businessId());
        return invoice(caller, id)
                .flatMap(invoice -> lifecycle.update(caller, invoice.id, request.toChanges(vatRateOf(invoice))))
                .map(invoice -> FinoraResponse.of(FinoraInvoice.of(invoice, today()), routing));
    }

    private Caller business(String businessId) {
        return FinoraBusiness.require(Caller.of(identity), businessId);
    }

    private Uni<Invoice> invoice(Caller caller, String id) {
        UUID invoiceId = Ids.parse(id, "Invoice");
        return invoices.get(caller, invoiceId).invoke(invoice -> {
            if (invoice.type != InvoiceType.INVOICE) {
                throw ApiException.notFound("Invoice", invoiceId);
            }
        });
    }

    /** Zero-rated when every line is, else the standard rate: the dialect has one VAT rate per invoice. */
    private static UUID vatRateOf(Invoice invoice) {
        return !invoice.lines.isEmpty() && invoice.lines.stream().allMatch(line -> FinoraInvoiceRequest.ZERO_RATED.equals(line.taxRateId))
                ? FinoraInvoiceRequest.ZERO_RATED : FinoraInvoiceRequest.taxRateOf(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LAGOS));
    }
}
