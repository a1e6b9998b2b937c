package ng.risiti.invoice.tenants.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** The replica of tenants' settings, fed by risiti.tenants.v1. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class TenantStateConsumerTests {

    /** A tenant event older than what the replica holds (redelivered, reordered) never moves it back. */
    @Test
    void anOlderTenantStateNeverOverwritesANewerOne() throws Exception {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        long newer = TestEvents.nextVersion();
        publishTenant(tenant, UUID.randomUUID().toString(), "NEWR1234", newer);
        await().atMost(Duration.ofSeconds(20)).until(() -> InvoiceTestFixtures.count(
                "select count(*) from known_tenants where id = ? and nrs_service_id = 'NEWR1234'", tenant.tenantId) == 1);

        String older = UUID.randomUUID().toString();
        publishTenant(tenant, older, "OLDR1234", newer - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> InvoiceTestFixtures.count(
                "select count(*) from inbox_events where event_id = '" + older + "' and ?::text is not null", tenant.tenantId) == 1);
        assertThat(InvoiceTestFixtures.count("select count(*) from known_tenants where id = ? and nrs_service_id = 'NEWR1234'",
                tenant.tenantId)).isEqualTo(1);
    }

    private static void publishTenant(InvoiceTestFixtures tenant, String eventId, String serviceId, long version) {
        TestEvents.publish("risiti.tenants.v1", tenant.tenantId.toString(), eventId, "tenant.updated", tenant.tenantId,
                version, """
                {"tenant_id":"%s","name":"Versioned Ltd","tin":"12345678-0001","business_type":"sme","plan_slug":"starter",
                 "nrs_service_id":"%s","updated_at":"%s"}""".formatted(tenant.tenantId, serviceId, Instant.now()));
    }
}
