package ng.risiti.invoice;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;

/** A tenant with an owner token and a customer published the way customer-service publishes it. */
final class InvoiceTestFixtures {

    static final List<String> ALL_SCOPES = List.of("invoices:read", "invoices:write", "customers:read", "customers:write",
            "payments:write", "reports:read", "webhooks:manage", "admin");

    final UUID tenantId = UUID.randomUUID();
    final UUID userId = UUID.randomUUID();
    final String token = TestIdentity.token(tenantId, userId, "owner", ALL_SCOPES);

    RequestSpecification owner() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Publishes a customer state on risiti.customers.v1 and returns its id. */
    UUID customer(String name, String tin) {
        UUID id = UUID.randomUUID();
        String now = Instant.now().toString();
        String state = """
                {"id":"%s","tenant_id":"%s","name":"%s","email":"ap@example.ng","phone":null,"tin":"%s",
                 "created_at":"%s","updated_at":"%s","deleted_at":null}""".formatted(id, tenantId, name, tin, now, now);
        TestEvents.publish("risiti.customers.v1", id.toString(), "customer.created", tenantId, state);
        awaitReplicated(id);
        return id;
    }

    static String invoiceBody(UUID customerId) {
        return """
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-23","currency":"NGN",
                 "line_items":[{"description":"Software Consulting - March 2025","quantity":10,"unit_price":35000,"discount_percent":0}],
                 "notes":"Payment due within 30 days."}""".formatted(customerId);
    }

    /** invoice-service applies customer states asynchronously; tests start once its replica has this one. */
    static void awaitReplicated(UUID customerId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("select count(*) from known_customers where id = ?", customerId) == 1);
    }

    /** A count from invoice-service's test database, for what only shows there (replicas). */
    static long count(String sql, UUID id) throws java.sql.SQLException {
        try (var connection = ng.risiti.testsupport.RisitiTestResources.postgres().connect(
                ng.risiti.testsupport.RisitiTestResources.databaseName("invoice"));
                var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
