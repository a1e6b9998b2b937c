package ng.risiti.invoice.customers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** A customer the replica has not seen yet: asked of customer-service once, and kept. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class CustomerDirectoryTests {

    @Test
    void aCustomerNobodyKnowsWhileCustomerServiceIsDownIsAServerSideProblemNotABadRequest() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        // customer-service is down: the one-off lookup for a customer the replica has not seen fails
        CustomerServiceStub.down(true);
        try {
            tenant.owner().body(InvoiceTestFixtures.invoiceBody(UUID.randomUUID())).post("/api/v1/invoices").then().statusCode(503)
                    .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            CustomerServiceStub.down(false);
        }
        tenant.owner().body(InvoiceTestFixtures.invoiceBody(UUID.randomUUID())).post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("customer_id"))
                .body("error.details[0].message", equalTo("customer_id does not name a customer of this business"));
    }

    /** Fails on the old replica: the second lookup's insert hit the first's row and the create answered 409. */
    @Test
    void theFirstInvoicesForACustomerCreatedAMomentAgoAllSucceedWhenTheyArriveAtOnce() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID customer = tenant.unreplicatedCustomer("Just Created Ltd", "33333333-0001");
        CustomerServiceStub.delay(300);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> create = () -> tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").statusCode();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(Collections.nCopies(4, create))) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201);
        } finally {
            CustomerServiceStub.delay(0);
            pool.shutdownNow();
        }
        assertThat(InvoiceTestFixtures.count("select count(*) from known_customers where id = ?", customer)).isEqualTo(1);
    }

    @Test
    void aDeletedCustomerTakesNoNewInvoicesWhetherTheReplicaOrALookupKnowsIt() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID replicated = tenant.customer("Gone Ltd", "44444444-0001");
        tenant.owner().body(InvoiceTestFixtures.invoiceBody(replicated)).post("/api/v1/invoices").then().statusCode(201);
        tenant.deleteCustomer(replicated, "Gone Ltd", "44444444-0001");
        tenant.owner().body(InvoiceTestFixtures.invoiceBody(replicated)).post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("customer_id"))
                .body("error.details[0].message", equalTo("customer " + replicated + " was deleted; new invoices cannot be issued to it"));

        UUID lookedUp = tenant.unreplicatedDeletedCustomer("Also Gone Ltd", "44444444-0002");
        tenant.owner().body(InvoiceTestFixtures.invoiceBody(lookedUp)).post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("customer_id"));

        // another tenant still cannot tell the customer exists: the answer is an unknown customer's
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        stranger.owner().body(InvoiceTestFixtures.invoiceBody(replicated)).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].message", equalTo("customer_id does not name a customer of this business"));
    }
}
