package ng.risiti.auth.dataexport.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.TestAccounts.Account;
import ng.risiti.auth.dataexport.rest.DataExports;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.api.Test;

/** An export waits for every service asked; one that never answers fails it after the timeout, and says which. */
@QuarkusTest
@TestProfile(DataExportTimeoutTests.SilentService.class)
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class DataExportTimeoutTests {

    /** Asks a service that does not exist, so the export can only time out. */
    public static class SilentService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("risiti.auth.data-export.services", "auth-service,ledger-service",
                    "risiti.auth.data-export.timeout", "PT3S");
        }
    }

    @Test
    void aServiceThatNeverAnswersFailsTheExportAndFreesTheTenantToAskAgain() {
        Account owner = TestAccounts.register();
        String id = DataExports.request(owner).path("data.id");

        // one export at a time per tenant
        DataExports.request(owner).response().then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", containsString(id));
        Map<String, Object> waiting = DataExports.status(owner, id).path("data");
        assertThat(waiting.get("status")).isEqualTo("processing");

        Map<String, Object> failed = DataExports.awaitFinished(owner, id, Duration.ofSeconds(20));
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat((String) failed.get("failure_reason")).startsWith("No answer within").endsWith("from: ledger-service");
        assertThat(failed.get("download_url")).isNull();
        assertThat(failed.get("expires_at")).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) failed.get("services");
        assertThat(services).extracting(service -> service.get("service") + ":" + service.get("status"))
                .containsExactly("auth-service:done", "ledger-service:no_answer");

        DataExports.request(owner).response().then().statusCode(202).body("data.status", equalTo("processing"));
    }
}
