package ng.risiti.invoice;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;

/** A tenant with an owner token and a customer published the way customer-service publishes it (shared by every context's tests). */
public final class InvoiceTestFixtures {

    public static final List<String> ALL_SCOPES = List.of("invoices:read", "invoices:write", "customers:read", "customers:write",
            "payments:write", "reports:read", "webhooks:manage", "admin");

    public final UUID tenantId = UUID.randomUUID();
    public final UUID userId = UUID.randomUUID();
    public final String token = TestIdentity.token(tenantId, userId, "owner", ALL_SCOPES);
    public final String liveKey = TestIdentity.apiKey(tenantId, ALL_SCOPES);
    public final String testKey = TestIdentity.testApiKey(tenantId, ALL_SCOPES);

    public RequestSpecification owner() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Publishes a (live) customer state on risiti.customers.v1 and returns its id. */
    public UUID customer(String name, String tin) {
        return customer(name, tin, false);
    }

    /** Publishes a live or test-mode customer state on risiti.customers.v1 and returns its id. */
    public UUID customer(String name, String tin, boolean testMode) {
        UUID id = UUID.randomUUID();
        TestEvents.publish("risiti.customers.v1", id.toString(), "customer.created", tenantId, customerState(id, name, tin, testMode));
        awaitReplicated(id);
        return id;
    }

    /**
     * Publishes the tenant's state on risiti.tenants.v1 as auth-service does (its profile, NRS Service ID and plan) and
     * waits until this service has it: documents and credit notes need the supplier, and their plan gate reads it.
     */
    public InvoiceTestFixtures onPlan(String plan) {
        TestEvents.publish("risiti.tenants.v1", tenantId.toString(), "tenant.updated", tenantId, tenantState(plan));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("select count(*) from known_tenants where id = ? and plan_slug = '" + plan + "'"
                        + " and default_hsn_code = '9983.13' and default_product_category = 'IT services' and invoice_footer is not null", tenantId) == 1);
        return this;
    }

    /** A tenant registered a moment ago on {@code plan}: auth-service knows it, this service's replica not yet. */
    public InvoiceTestFixtures unreplicatedOnPlan(String plan) {
        TestIdentity.registerTenant(tenantId, tenantState(plan));
        return this;
    }

    private String tenantState(String plan) {
        return """
                {"tenant_id":"%s","name":"Adeyemi & Sons Trading Ltd","tin":"12345678-0001","business_type":"sme","plan_slug":"%s",
                 "address":"12 Adeola Odeku Street, Victoria Island, Lagos","contact_email":"billing@adeyemi.ng",
                 "invoice_defaults":{"number_prefix":"INV","payment_terms_days":30,"footer":"Thank you for your business.",
                                     "hsn_code":"9983.13","product_category":"IT services"},
                 "updated_at":"%s"}""".formatted(tenantId, plan, Instant.now());
    }

    /**
     * Publishes the tenant's invoice defaults (number prefix, payment terms) as auth-service does, on the Starter plan,
     * and waits until this service has them.
     */
    public InvoiceTestFixtures withInvoiceDefaults(String numberPrefix, int paymentTermsDays) {
        String state = """
                {"tenant_id":"%s","name":"Adeyemi & Sons Trading Ltd","tin":"12345678-0001","business_type":"sme","plan_slug":"starter",
                 "address":"12 Adeola Odeku Street, Victoria Island, Lagos","contact_email":"billing@adeyemi.ng",
                 "invoice_defaults":{"number_prefix":"%s","payment_terms_days":%d,"footer":"Thank you for your business."},
                 "updated_at":"%s"}""".formatted(tenantId, numberPrefix, paymentTermsDays, Instant.now());
        TestEvents.publish("risiti.tenants.v1", tenantId.toString(), "tenant.updated", tenantId, state);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("select count(*) from known_tenants where id = ? and number_prefix = '" + numberPrefix + "'"
                        + " and payment_terms_days = " + paymentTermsDays, tenantId) == 1);
        return this;
    }

    /** The scopes a user of each role holds (docs/permissions.md, Role → scopes). */
    public static List<String> scopesOf(String role) {
        return switch (role) {
            case "owner", "admin" -> ALL_SCOPES;
            case "accountant" -> List.of("invoices:read", "invoices:write", "customers:read", "customers:write", "payments:write", "reports:read");
            case "member" -> List.of("invoices:read", "invoices:write", "customers:read", "customers:write");
            case "readonly" -> List.of("invoices:read", "customers:read", "reports:read");
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** A user of this tenant signed in with the given role. */
    public RequestSpecification as(String role) {
        return given().auth().oauth2(TestIdentity.token(tenantId, UUID.randomUUID(), role, scopesOf(role))).contentType(ContentType.JSON);
    }

    /** Creates an invoice with the given body as the owner, finalizes it, and returns its id. */
    public String finalizedInvoice(String body) {
        String id = owner().body(body).post("/api/v1/invoices").then().statusCode(201).extract().path("data.id");
        owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        return id;
    }

    /** A customer created a moment ago: customer-service knows it, this service's replica not yet. */
    public UUID unreplicatedCustomer(String name, String tin) {
        UUID id = UUID.randomUUID();
        CustomerServiceStub.register(id, customerState(id, name, tin, false));
        return id;
    }

    /** A customer the tenant deleted, as customer-service's internal lookup answers it (deleted ones too). */
    public UUID unreplicatedDeletedCustomer(String name, String tin) {
        UUID id = UUID.randomUUID();
        CustomerServiceStub.register(id, customerState(id, name, tin, false, Instant.now().toString()));
        return id;
    }

    /** Publishes the customer's deletion, as customer-service does, and waits until the replica has it. */
    public void deleteCustomer(UUID id, String name, String tin) {
        TestEvents.publish("risiti.customers.v1", id.toString(), "customer.deleted", tenantId,
                customerState(id, name, tin, false, Instant.now().toString()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("select count(*) from known_customers where id = ? and deleted", id) == 1);
    }

    /** Publishes a new name for the customer, as customer-service does on a PATCH, and waits until the replica has it. */
    public void renameCustomer(UUID id, String name, String tin) {
        TestEvents.publish("risiti.customers.v1", id.toString(), "customer.updated", tenantId, customerState(id, name, tin, false));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("select count(*) from known_customers where id = ? and name = '" + name + "'", id) == 1);
    }

    private String customerState(UUID id, String name, String tin, boolean testMode) {
        return customerState(id, name, tin, testMode, null);
    }

    private String customerState(UUID id, String name, String tin, boolean testMode, String deletedAt) {
        String now = Instant.now().toString();
        return """
                {"id":"%s","tenant_id":"%s","name":"%s","email":"ap@example.ng","phone":null,"tin":"%s",
                 "created_at":"%s","updated_at":"%s","deleted_at":%s,"test_mode":%s}"""
                .formatted(id, tenantId, name, tin, now, now, deletedAt == null ? "null" : "\"" + deletedAt + "\"", testMode);
    }

    /** The tenant's live ({@code rs_live_}) and test ({@code rs_test_}) API keys, every scope. */
    public RequestSpecification liveKey() {
        return given().header("x-api-key", liveKey).contentType(ContentType.JSON);
    }

    public RequestSpecification testKey() {
        return given().header("x-api-key", testKey).contentType(ContentType.JSON);
    }

    public static String invoiceBody(UUID customerId) {
        return """
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-23","currency":"NGN",
                 "line_items":[{"description":"Software Consulting - March 2025","quantity":10,"unit_price":35000,"discount_percent":0}],
                 "notes":"Payment due within 30 days."}""".formatted(customerId);
    }

    /** invoice-service applies customer states asynchronously; tests start once its replica has this one. */
    public static void awaitReplicated(UUID customerId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("select count(*) from known_customers where id = ?", customerId) == 1);
    }

    /** A count from invoice-service's test database, for what only shows there (replicas). */
    public static long count(String sql, UUID id) throws java.sql.SQLException {
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
