package ng.risiti.nrs.integrations.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import ng.risiti.nrs.NrsSandboxStub;
import ng.risiti.nrs.NrsStub;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(NrsStub.class)
@QuarkusTestResource(NrsSandboxStub.class)
class IntegrationCatalogueResourceTests {

    @Test
    void anyoneCanListWooCommerceAvailableShopifyComingSoonAndCustomIntegrationWithItsApiDocumentation() {
        JsonPath catalogue = given().get("/api/v1/integrations").then().statusCode(200)
                .header("X-Request-Id", startsWith("req_"))
                .body("has_more", equalTo(false))
                .body("next_cursor", nullValue())
                .extract().jsonPath();

        assertThat(catalogue.getList("data.id")).containsExactly("woocommerce", "shopify", "custom");
        assertThat(catalogue.getString("data[0].name")).isEqualTo("WooCommerce");
        assertThat(catalogue.getString("data[0].status")).isEqualTo("available");
        assertThat(catalogue.getString("data[0].description")).isEqualTo("Sync orders, invoices, and receipts from your WordPress/WooCommerce store");
        assertThat(catalogue.getString("data[0].download_url")).isEqualTo("/downloads/risiti-woocommerce.zip");
        assertThat(catalogue.getString("data[0].guide_url")).isEqualTo("/api/v1/integrations/woocommerce/guide");
        assertThat(catalogue.getString("data[1].status")).isEqualTo("coming_soon");
        assertThat(catalogue.getString("data[1].download_url")).isNull();
        assertThat(catalogue.getString("data[2].name")).isEqualTo("Custom Integration");
        assertThat(catalogue.getString("data[2].status")).isEqualTo("available");
        assertThat(catalogue.getString("data[2].documentation_url")).isEqualTo("/docs");
    }

    @Test
    void theCataloguesDownloadUrlServesThePluginAsAZipWordPressInstallsWithTheVersionTheCatalogueNames() throws IOException {
        JsonPath woocommerce = given().get("/api/v1/integrations").then().statusCode(200).extract().jsonPath();
        Response download = given().get(woocommerce.getString("data[0].download_url"));

        download.then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"risiti-woocommerce.zip\"");
        Map<String, byte[]> files = unzip(download.asByteArray());
        assertThat(files.keySet()).allMatch(name -> name.startsWith("risiti-woocommerce/"), "every file inside the plugin's folder")
                .contains("risiti-woocommerce/risiti-woocommerce.php", "risiti-woocommerce/uninstall.php",
                        "risiti-woocommerce/includes/class-risiti-order-sync.php")
                .noneMatch(name -> name.contains("/tests/"));
        String main = new String(files.get("risiti-woocommerce/risiti-woocommerce.php"), StandardCharsets.UTF_8);
        assertThat(main).contains("Plugin Name:          Risiti for WooCommerce")
                .contains("Version:              " + woocommerce.getString("data[0].version"));
    }

    @Test
    void everyPhpFileInTheDownloadedPluginPassesPhpLint() throws Exception {
        Assumptions.assumeTrue(commandExists("php"), "php is not installed (apt-get install php-cli): the lint is skipped");
        Map<String, byte[]> files = unzip(given().get("/downloads/risiti-woocommerce.zip").then().statusCode(200).extract().asByteArray());
        Path dir = Files.createTempDirectory("risiti-woocommerce-lint");
        int linted = 0;
        for (var file : files.entrySet()) {
            if (!file.getKey().endsWith(".php")) {
                continue;
            }
            Path php = dir.resolve(file.getKey().replace('/', '_'));
            Files.write(php, file.getValue());
            Process lint = new ProcessBuilder("php", "-l", php.toString()).redirectErrorStream(true).start();
            String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(lint.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lint.exitValue()).as("php -l %s: %s", file.getKey(), output).isZero();
            linted++;
        }
        assertThat(linted).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theWooCommerceGuideIsMarkdownAndAnIntegrationWithoutOneIsNotFound() {
        given().get("/api/v1/integrations/woocommerce/guide").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("# Risiti for WooCommerce"), containsString("## Troubleshooting"));

        given().get("/api/v1/integrations/shopify/guide").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    static boolean commandExists(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
