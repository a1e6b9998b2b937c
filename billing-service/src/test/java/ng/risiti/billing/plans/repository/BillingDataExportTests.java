package ng.risiti.billing.plans.repository;

import static ng.risiti.billing.testing.BillingTestKit.sandboxEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.testing.BillingTestKit;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.DataExportProbe.Answer;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** billing-service's part of a tenant's NDPR data export, asked for over Kafka the way auth-service asks. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class BillingDataExportTests {

    @Test
    void aTenantThatNeverPaidGetsItsThreeFilesEmptyAndNoFailure() {
        // the export must hear from billing even when it holds nothing, rather than wait for it to time out
        Answer answer = DataExportProbe.request(UUID.randomUUID(), "billing-service");

        assertThat(answer.summary().get("service").asText()).isEqualTo("billing-service");
        assertThat(answer.summary().get("export_id").asText()).isEqualTo(answer.exportId().toString());
        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        assertThat(answer.summary().get("files")).extracting(file -> file.get("name").asText())
                .containsExactly("subscriptions", "paystack_checkouts", "credit_ledger", "api_usage_days", "invoice_usage_months");
        assertThat(answer.summary().get("files")).allSatisfy(file -> assertThat(file.get("records").asLong()).isZero());
    }

    @Test
    void exportsTheTenantsSubscriptionCheckoutsAndLedgerAndNobodyElses() {
        BillingTestKit.pointWebhooksHere();
        Tenant tenant = Tenant.fresh();
        String plan = tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription")
                .then().statusCode(200).extract().path("data.reference");
        String topUp = tenant.as().body("{\"amount\":1000}").post("/api/v1/api-credits/top-up").then().statusCode(200)
                .extract().path("data.reference");
        sandboxEvent("charge.success", plan).then().body("last_status", equalTo(200));
        sandboxEvent("charge.success", topUp).then().body("last_status", equalTo(200));
        Tenant.fresh().as().body("{\"amount\":1000}").post("/api/v1/api-credits/top-up").then().statusCode(200);

        Answer answer = DataExportProbe.request(tenant.id(), "billing-service");

        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        List<JsonNode> subscriptions = answer.file("subscriptions");
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.getFirst().get("plan_slug").asText()).isEqualTo("starter");
        assertThat(subscriptions.getFirst().get("status").asText()).isEqualTo("active");
        List<JsonNode> checkouts = answer.file("paystack_checkouts");
        assertThat(checkouts).extracting(row -> row.get("reference").asText()).containsExactly(plan, topUp);
        assertThat(checkouts).allSatisfy(row -> assertThat(row.get("status").asText()).isEqualTo("paid"));
        assertThat(checkouts).allSatisfy(row -> assertThat(DataExportProbe.fieldNames(row)).doesNotContain("authorization_url", "tenant_id"));
        List<JsonNode> ledger = answer.file("credit_ledger");
        assertThat(ledger).hasSize(1);
        assertThat(ledger.getFirst().get("amount_kobo").asLong()).isEqualTo(100000);
        assertThat(ledger.getFirst().get("source_id").asText()).isEqualTo("topup:" + topUp);
    }
}
