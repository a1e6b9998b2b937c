package ng.risiti.webhook.intake.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "webhook"))
class InvoiceEventConsumerTests {

    @Test
    void keepsEachEventOnceWhateverTheRedeliveries() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String data = "{\"invoice_id\":\"" + invoice + "\",\"total_amount\":\"376250.00\"}";
        for (int i = 0; i < 3; i++) {
            TestEvents.publish("risiti.invoices.v1", invoice.toString(), id, "invoice.finalized", tenant, data);
        }
        String marker = TestEvents.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", tenant, data);

        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from events where id = ?", marker) == 1);
        assertThat(count("select count(*) from events where id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from inbox_events where event_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from events where subject = ? and type = 'invoice.finalized'", invoice.toString())).isEqualTo(1);
    }

    private static long count(String sql, String value) throws Exception {
        try (Connection connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("webhook"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
