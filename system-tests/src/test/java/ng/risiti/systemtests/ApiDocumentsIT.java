package ng.risiti.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.client.ApiClient;
import ng.risiti.client.ApiException;
import ng.risiti.client.api.ApiKeysApi;
import ng.risiti.client.api.AuthenticationApi;
import ng.risiti.client.api.CustomerApi;
import ng.risiti.client.api.InvoiceApi;
import ng.risiti.client.model.CreateApiKeyRequest;
import ng.risiti.client.model.CreateCustomerRequest;
import ng.risiti.client.model.CreateInvoiceRequest;
import ng.risiti.client.model.SignIn;
import ng.risiti.client.model.LineItemRequest;
import ng.risiti.client.model.LoginRequest;
import ng.risiti.client.model.RegisterRequest;
import ng.risiti.launcher.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API documents as a third party uses them (docs/api-documents.md), against the whole local stack: the Java
 * client generated from /docs/openapi.json runs the README's quickstart; Swagger UI at /docs authorizes with an API
 * key and "Try it out" answers 200 in headless Chromium; "Sign in with Google" goes through the OIDC sandbox.
 */
@ExtendWith(SharedStack.class)
class ApiDocumentsIT {

    /** auth-service's redirect URI for Google in the local stack (risiti.oauth.google.redirect-uri's default). */
    static final String CALLBACK = "http://localhost:8080/api/v1/auth/oauth/google/callback";
    static LocalStack stack;

    @BeforeAll
    static void useTheStack() {
        stack = SharedStack.stack();
    }

    static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }

    /** What the generated client does with the README's quickstart: returns the API key it ends with. */
    static String quickstart(String email) throws ApiException {
        ApiClient anonymous = client();
        String registered = new AuthenticationApi(anonymous).registerAuth(new RegisterRequest().firstName("Adaeze")
                .lastName("Okonkwo").email(email).password(Api.PASSWORD).businessName("Generated Client Ltd").businessType("sme")
                .tin("12345678-0001").planSlug("starter"), null).getData().getAccessToken();
        assertThat(registered).isNotBlank();
        // login answers a session or, with MFA on, a challenge: one documented shape, mfa_required tells which
        SignIn signedIn = new AuthenticationApi(anonymous).loginAuth(new LoginRequest().email(email).password(Api.PASSWORD), null).getData();
        assertThat(signedIn.getMfaRequired()).isNotEqualTo(Boolean.TRUE);
        String jwt = signedIn.getAccessToken();

        ApiClient withJwt = client();
        withJwt.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + jwt));
        String apiKey = new ApiKeysApi(withJwt).createApiKey(new CreateApiKeyRequest().name("quickstart")
                .scopes(Api.KEY_SCOPES), null).getData().getKey();
        assertThat(apiKey).startsWith("rs_");
        return apiKey;
    }

    @Test
    @Timeout(180)
    void theGeneratedJavaClientRunsTheReadmeQuickstart() throws Exception {
        String apiKey = quickstart("quickstart+" + UUID.randomUUID() + "@systemtest.risiti.ng");
        ApiClient withKey = client();
        withKey.setRequestInterceptor(r -> r.header("x-api-key", apiKey));

        UUID customerId = new CustomerApi(withKey).createCustomer(new CreateCustomerRequest().name("Fime Technologies Ltd")
                .email("accounts@fime.ng").tin("87654321-0001").currency("NGN"), null).getData().getId();
        var draft = new InvoiceApi(withKey).createInvoice(new CreateInvoiceRequest().customerId(customerId)
                .issueDate(LocalDate.now()).dueDate(LocalDate.now().plusDays(30)).currency("NGN")
                .lineItems(List.of(new LineItemRequest().description("Software Consulting").quantity(java.math.BigDecimal.TEN)
                        .unitPrice(java.math.BigDecimal.valueOf(35000)))), null).getData();
        assertThat(draft.getTotalAmount()).isEqualTo("376250.00");

        var finalized = new InvoiceApi(withKey).finalizeInvoice(draft.getId().toString(), null).getData();
        assertThat(finalized.getStatus()).isEqualTo("finalized");
        assertThat(finalized.getIrn()).isNotBlank();
    }

    @Test
    @Timeout(180)
    void swaggerUiAuthorizesWithAnApiKeyAndTryItOutAnswers200() throws Exception {
        String apiKey = quickstart("swagger+" + UUID.randomUUID() + "@systemtest.risiti.ng");
        ChromeDriver browser = Browser.start(1400, 2200);
        // a snapshot (screenshot and HTML, target/screenshots/swagger-*) at each step: what a failed wait was looking at
        String step = "swagger-1-loaded";
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(stack.gatewayUrl() + "/docs");
            WebElement authorize = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".btn.authorize")));
            Browser.snapshot(browser, step);
            authorize.click();

            step = "swagger-2-authorized";
            By apiKeyForm = By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'ApiKeyAuth')]]");
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(apiKeyForm));
            form.findElement(By.cssSelector("input")).sendKeys(apiKey);
            form.findElement(By.cssSelector("button.authorize")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(apiKeyForm, "Authorized"));
            Browser.snapshot(browser, step);
            browser.findElement(apiKeyForm).findElement(By.cssSelector("button.btn-done")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));

            // tags start closed (docExpansion none): open Customer as a reader would
            step = "swagger-3-customer-tag";
            String operation = "#operations-Customer-listCustomer";
            wait.until(ExpectedConditions.elementToBeClickable(By.id("operations-tag-Customer"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(operation + " .opblock-summary-control"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(operation + " .try-out__btn"))).click();
            Browser.snapshot(browser, step);

            step = "swagger-4-response";
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(operation + " .execute"))).click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(operation + " .live-responses-table tbody .response-col_status")));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", status); // the 200 in the screenshot
            Path shot = Browser.snapshot(browser, step);
            assertThat(browser.findElement(By.cssSelector(operation + " .curl-command")).getText())
                    .as("the call Swagger UI made").contains(stack.gatewayUrl() + "/api/v1/customers").contains("x-api-key: " + apiKey);
            assertThat(status.getText()).as("the status Swagger UI shows; screenshot " + shot.toAbsolutePath()).isEqualTo("200");
            assertThat(browser.findElement(By.cssSelector(operation + " .live-responses-table tbody .response-col_description")).getText())
                    .contains("\"data\"").contains("\"has_more\"");
        } catch (RuntimeException | AssertionError e) {
            Browser.snapshot(browser, step + "-failed");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    @Timeout(120)
    void signInWithGoogleGoesThroughTheOidcSandboxAndSignsIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        // someone the stack has not seen: the first sign-in provisions their own tenant (seed 002, OAuth)
        String email = "ada+" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> user = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:8093/__sandbox/user"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&given_name=Ada&family_name=Okafor")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);

        JsonPath first = signInWithGoogle(browser);
        assertThat(first.getString("data.user.email")).isEqualTo(email);
        assertThat(first.getString("data.user.role")).isEqualTo("owner");
        JsonPath me = me(browser, first.getString("data.access_token"));
        assertThat(me.getString("data.email")).isEqualTo(email);
        assertThat(me.getString("data.first_name")).isEqualTo("Ada");
        assertThat(me.getString("data.last_name")).isEqualTo("Okafor");
        assertThat(me.getString("data.tenant.name")).isEqualTo("Ada Okafor");
        assertThat(me.getString("data.tenant.plan")).isEqualTo("free");

        // the second sign-in finds the linked provider account: the same person in the same tenant, nothing new
        JsonPath again = me(browser, signInWithGoogle(browser).getString("data.access_token"));
        assertThat(again.getString("data.id")).isEqualTo(me.getString("data.id"));
        assertThat(again.getString("data.tenant.id")).isEqualTo(me.getString("data.tenant.id"));
    }

    /** What a browser does with "Sign in with Google": to the sandbox's consent, back with a code; the callback's JSON. */
    static JsonPath signInWithGoogle(HttpClient browser) throws Exception {
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/auth/oauth/google"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("http://localhost:8093/authorize?")
                .contains("redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));

        // followed as given: the redirect_uri in its query is the one auth-service presents again at the token endpoint
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        String callback = consent.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(CALLBACK + "?code=");

        // the sign-in's binding cookie is Secure: a browser sends it to http://localhost, Java's cookie jar only over https
        String stateCookies = String.join("; ", start.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(callback))
                .header("Accept", "application/json").header("Cookie", stateCookies).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"access_token\"");
        return new JsonPath(signedIn.body());
    }

    static JsonPath me(HttpClient http, String accessToken) throws Exception {
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/auth/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return new JsonPath(me.body());
    }
}
