package ng.risiti.invoice.expenses.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import ng.risiti.invoice.expenses.domain.ExpenseCategory;
import ng.risiti.invoice.expenses.service.ExpenseService;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.idempotency.Idempotent;
import ng.risiti.platform.pagination.DayRange;
import ng.risiti.platform.pagination.Page;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.pagination.Pagination;
import ng.risiti.platform.rest.Data;
import ng.risiti.platform.rest.Ids;
import ng.risiti.platform.rest.Message;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/expenses}: docs/specification.md, Expenses. Writes need {@code payments:write} (the accountant role or
 * higher, as tax rates do: they move the books); reads {@code reports:read}.
 */
@Path("/api/v1/expenses")
@Idempotent
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpenseResource {

    private final ExpenseService expenses;
    private final Pagination pagination;
    private final SecurityIdentity identity;

    public ExpenseResource(ExpenseService expenses, Pagination pagination, SecurityIdentity identity) {
        this.expenses = expenses;
        this.pagination = pagination;
        this.identity = identity;
    }

    /** Newest first; {@code from}/{@code to} on the expense date (both included), {@code category}. */
    @GET
    @RolesAllowed(Scope.REPORTS_READ)
    public Uni<Page<ExpenseResponse>> list(@RestQuery String cursor, @RestQuery String limit, @RestQuery String from, @RestQuery String to,
            @RestQuery String category) {
        PageRequest page = pagination.request(cursor, limit);
        DayRange dates = DayRange.parse(from, to);
        ExpenseCategory only = category == null || category.isBlank() ? null : ExpenseCategory.parse(category)
                .orElseThrow(() -> ApiException.validation("category", "category must be one of " + ExpenseCategory.choices()));
        return expenses.page(Caller.of(identity), dates.from(), dates.to(), only, page)
                .map(rows -> pagination.page(rows, page, expense -> Map.of("id", expense.id.toString())).map(ExpenseResponse::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scope.REPORTS_READ)
    public Uni<Data<ExpenseResponse>> get(@RestPath String id) {
        return expenses.get(Caller.of(identity), Ids.parse(id, "Expense")).map(expense -> Data.of(ExpenseResponse.of(expense)));
    }

    @POST
    @RolesAllowed(Scope.PAYMENTS_WRITE)
    public Uni<RestResponse<Data<ExpenseResponse>>> create(JsonNode body) {
        return expenses.create(Caller.of(identity), ExpenseBody.create(body, expenses.today()))
                .map(expense -> RestResponse.status(RestResponse.Status.CREATED, Data.of(ExpenseResponse.of(expense))));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Scope.PAYMENTS_WRITE)
    public Uni<Data<ExpenseResponse>> update(@RestPath String id, JsonNode body) {
        var expenseId = Ids.parse(id, "Expense");
        return expenses.update(Caller.of(identity), expenseId, ExpenseBody.patch(body, expenses.today())).map(expense -> Data.of(ExpenseResponse.of(expense)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Scope.PAYMENTS_WRITE)
    public Uni<Data<Message>> delete(@RestPath String id) {
        return expenses.delete(Caller.of(identity), Ids.parse(id, "Expense")).replaceWith(Message.of("Expense deleted."));
    }
}
