package ng.risiti.billing.plans.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.DataExportProbe.Answer;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.api.Test;

/** billing-service's part of a tenant's NDPR data export, asked for over Kafka the way auth-service asks. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
class BillingDataExportTests {

    @Test
    void answersEveryRequestWithNoFilesAndNoFailure() {
        // billing holds nothing per tenant yet, but the export must hear so rather than wait for it to time out
        Answer answer = DataExportProbe.request(UUID.randomUUID(), "billing-service");

        assertThat(answer.summary().get("service").asText()).isEqualTo("billing-service");
        assertThat(answer.summary().get("export_id").asText()).isEqualTo(answer.exportId().toString());
        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        assertThat(answer.summary().get("files").isArray()).isTrue();
        assertThat(answer.summary().get("files")).isEmpty();
        assertThat(answer.files()).isEmpty();
        assertThat(answer.chunks()).isZero();
    }
}
