package ng.risiti.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The public API as a client sees it: every call goes through the gateway. */
final class Api {

    /** What register, login and key creation leave a test with. */
    record Account(String email, String accessToken, UUID tenantId, UUID userId, String apiKey) {
    }

    /** A customer and a draft invoice for it. */
    record Draft(UUID customerId, UUID invoiceId, String invoiceNumber) {
    }

    static final String PASSWORD = "Secure123!";
    static final List<String> KEY_SCOPES = List.of("invoices:read", "invoices:write", "customers:read", "customers:write");

    private final String baseUri;
    private final RestAssuredConfig config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 30_000));

    Api(String baseUri) {
        this.baseUri = baseUri;
    }

    RequestSpecification request() {
        return given().config(config).baseUri(baseUri).contentType(ContentType.JSON).accept(ContentType.JSON)
                .log().ifValidationFails();
    }

    RequestSpecification withKey(String apiKey) {
        return request().header("x-api-key", apiKey);
    }

    /** register, login (JWT), /auth/me with the JWT, then an API key with {@link #KEY_SCOPES} created with the JWT. */
    Account signUp(String businessName) {
        return signUp(businessName, "starter");
    }

    /** The same on the plan chosen at registration ({@code free}, {@code starter}, ...). */
    Account signUp(String businessName, String planSlug) {
        String email = "owner+" + UUID.randomUUID() + "@systemtest.risiti.ng";
        String registered = request()
                .body(Map.of("first_name", "Adaeze", "last_name", "Okonkwo", "email", email, "password", PASSWORD,
                        "business_name", businessName, "business_type", "sme", "tin", "12345678-0001", "plan_slug", planSlug))
                .when().post("/api/v1/auth/register")
                .then().log().ifValidationFails().statusCode(201)
                .extract().path("data.access_token");
        assertThat(registered).as("access token from register").isNotBlank();

        JsonPath login = request()
                .body(Map.of("email", email, "password", PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        String jwt = login.getString("data.access_token");
        assertThat(jwt.split("\\.")).as("login returns a JWT (header.payload.signature)").hasSize(3);
        UUID tenantId = UUID.fromString(login.getString("data.tenant.id"));
        UUID userId = UUID.fromString(login.getString("data.user.id"));
        assertThat(login.getString("data.user.email")).isEqualTo(email);
        assertThat(login.getString("data.tenant.name")).isEqualTo(businessName);

        JsonPath me = request().auth().oauth2(jwt)
                .when().get("/api/v1/auth/me")
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertThat(me.getString("data.id")).isEqualTo(userId.toString());
        assertThat(me.getString("data.tenant.id")).isEqualTo(tenantId.toString());

        JsonPath key = request().auth().oauth2(jwt)
                .body(Map.of("name", "system test", "scopes", KEY_SCOPES))
                .when().post("/api/v1/api-keys")
                .then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath();
        String apiKey = key.getString("data.key");
        assertThat(apiKey).as("the new API key").isNotBlank();
        assertThat(key.getList("data.scopes", String.class)).containsExactlyInAnyOrderElementsOf(KEY_SCOPES);
        return new Account(email, jwt, tenantId, userId, apiKey);
    }

    /** A customer created with the API key. */
    UUID createCustomer(Account account) {
        String customerId = withKey(account.apiKey())
                .body(Map.of("name", "Fime Technologies Ltd", "email", "accounts+" + UUID.randomUUID() + "@fime.ng",
                        "tin", "87654321-0001", "currency", "NGN",
                        "billing_address", Map.of("street_name", "14 Broad Street", "city_name", "Lagos Island", "country", "NG")))
                .when().post("/api/v1/customers")
                .then().log().ifValidationFails().statusCode(201)
                .extract().path("data.id");
        return UUID.fromString(customerId);
    }

    /**
     * A draft invoice of 10 x 35,000 plus 7.5% VAT for the customer, created with the API key; checks the amounts.
     *
     * @param invoiceNumber the business's own number, or null for the next of invoice-service's INV-YYYY-NNN
     */
    Draft createDraftInvoice(Account account, UUID customerId, String invoiceNumber) {
        LocalDate today = LocalDate.now();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("customer_id", customerId.toString(), "issue_date", today.toString(),
                "due_date", today.plusDays(30).toString(), "currency", "NGN", "notes", "Payment due within 30 days.",
                "line_items", List.of(Map.of("description", "Software Consulting", "quantity", 10,
                        "unit_price", 35000, "discount_percent", 0))));
        if (invoiceNumber != null) {
            body.put("invoice_number", invoiceNumber);
        }
        JsonPath invoice = withKey(account.apiKey())
                .body(body)
                .when().post("/api/v1/invoices")
                .then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath();
        assertThat(invoice.getString("data.status")).isEqualTo("draft");
        assertThat(invoice.getString("data.subtotal")).isEqualTo("350000.00");
        assertThat(invoice.getString("data.tax_total")).isEqualTo("26250.00");
        assertThat(invoice.getString("data.total_amount")).isEqualTo("376250.00");
        assertThat(invoice.getLong("data.total_amount_kobo")).isEqualTo(37_625_000L);
        if (invoiceNumber != null) {
            assertThat(invoice.getString("data.invoice_number")).isEqualTo(invoiceNumber);
        }
        return new Draft(customerId, UUID.fromString(invoice.getString("data.id")),
                invoice.getString("data.invoice_number"));
    }

    /** POST /invoices/{id}/finalize with the key; 200 means the finalization (and its outbox event) committed. */
    JsonPath finalizeInvoice(Account account, UUID invoiceId) {
        JsonPath finalized = withKey(account.apiKey())
                .when().post("/api/v1/invoices/{id}/finalize", invoiceId)
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertThat(finalized.getString("data.status")).isEqualTo("finalized");
        assertThat(finalized.getString("data.irn")).isNotBlank();
        assertThat(finalized.getString("data.total_amount")).isEqualTo("376250.00");
        return finalized;
    }

    /** A finalized invoice's PDF or UBL XML ({@code kind} pdf or xml) through the gateway, as bytes. */
    byte[] document(Account account, UUID invoiceId, String kind, String contentType) {
        return given().config(config).baseUri(baseUri).header("x-api-key", account.apiKey())
                .when().get("/api/v1/invoices/{id}/" + kind, invoiceId)
                .then().log().ifValidationFails().statusCode(200).contentType(org.hamcrest.Matchers.startsWith(contentType))
                .extract().asByteArray();
    }

    JsonPath invoice(Account account, UUID invoiceId) {
        return withKey(account.apiKey())
                .when().get("/api/v1/invoices/{id}", invoiceId)
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
    }

    /** GET /api/v1/nrs/submissions?invoice_id= with the key: the submissions nrs-gateway-service recorded. */
    List<Map<String, Object>> submissions(Account account, UUID invoiceId) {
        return withKey(account.apiKey())
                .queryParam("invoice_id", invoiceId.toString())
                .when().get("/api/v1/nrs/submissions")
                .then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath().getList("data");
    }
}
