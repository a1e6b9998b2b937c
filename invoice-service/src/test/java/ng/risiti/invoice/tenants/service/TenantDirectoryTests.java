package ng.risiti.invoice.tenants.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A business that registered a moment ago may act before its first {@code risiti.tenants.v1} record reaches this
 * service: the directory asks auth-service instead of answering 503 or finalizing without the supplier.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class TenantDirectoryTests {

    @AfterEach
    void authServiceUp() {
        TestIdentity.lookupsFail(false);
    }

    @Test
    void aTenantTheReplicaHasNotSeenIsAskedOfAuthServiceAndKept() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().unreplicatedOnPlan("starter");
        UUID customer = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");

        String id = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));

        // the supplier came from auth-service: its name on the invoice, its plan lets it download the PDF
        assertThat(InvoiceTestFixtures.count("select count(*) from invoices where id = ? and supplier_name = 'Adeyemi & Sons Trading Ltd'"
                + " and supplier_tin = '12345678-0001'", UUID.fromString(id))).isEqualTo(1);
        tenant.owner().get("/api/v1/invoices/" + id + "/pdf").then().statusCode(200).contentType("application/pdf");
        assertThat(InvoiceTestFixtures.count("select count(*) from known_tenants where id = ? and plan_slug = 'starter'", tenant.tenantId))
                .isEqualTo(1);
    }

    @Test
    void whenAuthServiceCannotAnswerEitherDocumentsAreRetryable503s() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().unreplicatedOnPlan("starter");
        UUID customer = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
        String id = tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        TestIdentity.lookupsFail(true);

        tenant.owner().get("/api/v1/invoices/" + id + "/pdf").then().statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
    }
}
