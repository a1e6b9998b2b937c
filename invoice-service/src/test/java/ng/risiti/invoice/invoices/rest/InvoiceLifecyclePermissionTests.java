package ng.risiti.invoice.invoices.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** docs/permissions.md, invoice-service: the lifecycle endpoints' rows, cell by cell, with each role's scopes. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceLifecyclePermissionTests {

    private static final List<String> ROLES = List.of("owner", "admin", "accountant", "member", "readonly");

    /** Row → the status each role gets, in ROLES order (403 = FORBIDDEN). */
    private static final Map<String, List<Integer>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("PATCH /invoices/{id}", List.of(200, 200, 200, 200, 403));
        MATRIX.put("DELETE /invoices/{id}", List.of(200, 200, 200, 200, 403));
        MATRIX.put("POST /invoices/{id}/clone", List.of(201, 201, 201, 201, 403));
        MATRIX.put("POST /invoices/{id}/void", List.of(200, 200, 200, 403, 403));
    }

    @Test
    void eachRoleGetsWhatThePermissionTableSays() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.customer("Matrix Ltd", "98765432-0001");
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        MATRIX.keySet().forEach(row -> seen.put(row, new java.util.ArrayList<>()));
        for (String role : ROLES) {
            String draft = draft(tenant, customer);
            seen.get("PATCH /invoices/{id}").add(tenant.as(role).body("{\"notes\":\"by " + role + "\"}").patch("/api/v1/invoices/" + draft).statusCode());
            seen.get("POST /invoices/{id}/clone").add(tenant.as(role).post("/api/v1/invoices/" + draft + "/clone").statusCode());
            seen.get("DELETE /invoices/{id}").add(tenant.as(role).delete("/api/v1/invoices/" + draft).statusCode());
            String issued = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
            seen.get("POST /invoices/{id}/void").add(tenant.as(role).post("/api/v1/invoices/" + issued + "/void").statusCode());
        }
        assertThat(seen).isEqualTo(MATRIX);
    }

    private static String draft(InvoiceTestFixtures tenant, UUID customer) {
        return tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201).extract().path("data.id");
    }
}
