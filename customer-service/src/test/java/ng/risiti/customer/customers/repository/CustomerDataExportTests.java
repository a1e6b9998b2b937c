package ng.risiti.customer.customers.repository;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import ng.risiti.customer.customers.rest.CustomerResourceTests;
import ng.risiti.testsupport.DataExportProbe.Answer;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** customer-service's part of a tenant's NDPR data export, asked for over Kafka the way auth-service asks. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "customer"))
@QuarkusTestResource(TestIdentity.Resource.class)
class CustomerDataExportTests {

    static final String SERVICE = "customer-service";
    static final List<String> COLUMNS = List.of("id", "name", "email", "phone", "tin", "tin_verified", "nin_verified", "street_name",
            "city_name", "postal_zone", "country", "currency", "notes", "test_mode", "created_at", "updated_at", "deleted_at");
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/customers")
    URI customers;

    static String tokenOf(UUID tenantId) {
        return TestIdentity.token(tenantId, UUID.randomUUID(), "member", CustomerResourceTests.WRITER);
    }

    static JsonPath create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/customers")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void exportsEveryCustomerOfTheTenantWithTheDeclaredColumnsAndNobodyElses() {
        UUID tenantId = UUID.randomUUID();
        String token = tokenOf(tenantId);
        JsonPath konga = create(token, """
                {"name":"Konga Technologies Ltd","email":"Finance@Konga.com","phone":"+2348012345678","tin":"98765432-0001",
                 "billing_address":{"street_name":"Plot 33, Kudirat Abiola Way","city_name":"Lagos","postal_zone":"100281","country":"NG"},
                 "currency":"USD","notes":"Pays by transfer; ask for Adaeze."}""");
        JsonPath bare = create(token, "{\"name\":\"Mama Put Ventures\",\"email\":\"hello@mamaput.ng\"}");
        String strangerToken = tokenOf(UUID.randomUUID());
        String strangers = create(strangerToken, "{\"name\":\"Jumia Nigeria\",\"email\":\"ap@jumia.ng\"}").getString("data.id");
        String contact = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Adaeze Okafor\",\"email\":\"adaeze@konga.com\",\"role\":\"Accounts Payable\"}")
                .post("/api/v1/customers/" + konga.getString("data.id") + "/contacts").then().statusCode(201).extract().path("data.id");
        given().auth().oauth2(strangerToken).contentType(ContentType.JSON).body("{\"name\":\"Other\",\"email\":\"o@jumia.ng\"}")
                .post("/api/v1/customers/" + strangers + "/contacts").then().statusCode(201);

        Answer answer = DataExportProbe.request(tenantId, SERVICE);

        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        assertThat(answer.summary().get("files")).hasSize(3);
        assertThat(answer.summary().at("/files/0/name").asText()).isEqualTo("customers");
        assertThat(answer.summary().at("/files/1/name").asText()).isEqualTo("customer_contacts");
        List<JsonNode> contacts = answer.file("customer_contacts");
        assertThat(contacts).extracting(row -> row.get("id").asText()).containsExactly(contact);
        assertThat(DataExportProbe.fieldNames(contacts.get(0)))
                .containsExactlyInAnyOrder("id", "customer_id", "name", "email", "phone", "role", "created_at");
        assertThat(contacts.get(0).get("role").asText()).isEqualTo("Accounts Payable");
        assertThat(answer.summary().at("/files/2/name").asText()).isEqualTo("verifications");
        assertThat(answer.summary().at("/files/0/records").asLong()).isEqualTo(2);
        List<JsonNode> rows = answer.file("customers");
        assertThat(rows).extracting(row -> row.get("id").asText())
                .containsExactlyInAnyOrder(konga.getString("data.id"), bare.getString("data.id"))
                .doesNotContain(strangers);
        // exactly the declared columns: a column added to the table stays out until somebody declares it
        rows.forEach(row -> assertThat(DataExportProbe.fieldNames(row)).containsExactlyInAnyOrderElementsOf(COLUMNS));

        JsonNode full = DataExportProbe.row(rows, konga.getString("data.id"));
        assertThat(full.get("name").asText()).isEqualTo("Konga Technologies Ltd");
        assertThat(full.get("email").asText()).isEqualTo("finance@konga.com");
        assertThat(full.get("phone").asText()).isEqualTo("+2348012345678");
        assertThat(full.get("tin").asText()).isEqualTo("98765432-0001");
        assertThat(full.get("street_name").asText()).isEqualTo("Plot 33, Kudirat Abiola Way");
        assertThat(full.get("city_name").asText()).isEqualTo("Lagos");
        assertThat(full.get("postal_zone").asText()).isEqualTo("100281");
        assertThat(full.get("country").asText()).isEqualTo("NG");
        assertThat(full.get("currency").asText()).isEqualTo("USD");
        assertThat(full.get("notes").asText()).isEqualTo("Pays by transfer; ask for Adaeze.");
        assertThat(full.get("test_mode").isBoolean()).isTrue();
        assertThat(full.get("test_mode").asBoolean()).isFalse();
        assertThat(DataExportProbe.instant(full, "created_at")).isEqualTo(OffsetDateTime.parse(konga.getString("data.created_at")).toInstant());
        // adding the contact changed the customer (customer.updated): its updated_at is the contact's time now
        String updatedAt = given().auth().oauth2(token).get("/api/v1/customers/" + konga.getString("data.id")).then().statusCode(200)
                .extract().path("data.updated_at");
        assertThat(DataExportProbe.instant(full, "updated_at")).isEqualTo(OffsetDateTime.parse(updatedAt).toInstant())
                .isAfterOrEqualTo(OffsetDateTime.parse(konga.getString("data.updated_at")).toInstant());
        // the archive's README promises times in UTC
        assertThat(full.get("created_at").asText()).endsWith("+00:00");
        assertThat(full.get("deleted_at").isNull()).isTrue();

        JsonNode minimal = DataExportProbe.row(rows, bare.getString("data.id"));
        assertThat(minimal.get("currency").asText()).isEqualTo("NGN");
        for (String absent : List.of("phone", "tin", "street_name", "city_name", "postal_zone", "country", "notes")) {
            assertThat(minimal.get(absent).isNull()).as(absent).isTrue();
        }
    }

    @Test
    void aLargeExportArrivesWholeInIdOrderAcrossPagesAndChunks() throws Exception {
        UUID tenantId = UUID.randomUUID();
        String token = tokenOf(tenantId);
        // more than one page of 500 rows; with %test chunk-bytes of 4 KB that is dozens of chunks
        int count = 520;
        List<String> ids = new ArrayList<>();
        // java.net.http, not RestAssured: on a busy 2-core machine it makes these 520 calls in less than half the time
        try (ExecutorService threads = Executors.newFixedThreadPool(4);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build()) {
            Semaphore inFlight = new Semaphore(8);
            List<CompletableFuture<String>> creates = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = "{\"name\":\"Customer %03d\",\"email\":\"c%03d@example.ng\",\"tin\":\"12345678-%04d\"}".formatted(i, i, i);
                HttpRequest post = HttpRequest.newBuilder(customers).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                inFlight.acquire();
                creates.add(http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> inFlight.release())
                        .thenApply(response -> {
                            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                            return tree(response.body()).at("/data/id").asText();
                        }));
            }
            for (CompletableFuture<String> created : creates) {
                ids.add(created.get(30, TimeUnit.SECONDS));
            }
        }
        // PostgreSQL orders uuids by their bytes, which is the order of their lowercase hex text (not UUID.compareTo's)
        Collections.sort(ids);

        Answer answer = DataExportProbe.request(tenantId, SERVICE);

        List<String> exported = answer.file("customers").stream().map(row -> row.get("id").asText()).toList();
        assertThat(exported).hasSize(count).doesNotHaveDuplicates().containsExactlyElementsOf(ids);
        assertThat(answer.chunks()).isGreaterThan(1);
        assertThat(answer.summary().hasNonNull("failure")).isFalse();
        assertThat(answer.summary().at("/files/0/records").asLong()).isEqualTo(count);
        assertThat(answer.summary().at("/files/0/chunks").asInt()).isEqualTo(answer.chunks());
        // auth-service rebuilds each file from its chunks' seq: 0, 1, 2, ... in the order they are published
        List<Integer> seqs = DataExportProbe.partsFor(answer.exportId(), SERVICE, Duration.ofMillis(500)).stream()
                .filter(record -> "data_export.chunk".equals(KafkaTopicReader.header(record, "ce_type")))
                .map(record -> tree(record).get("seq").asInt()).toList();
        assertThat(seqs).isEqualTo(IntStream.range(0, answer.chunks()).boxed().toList());
    }

    @Test
    void aRedeliveredRequestIsNotAnsweredTwice() throws Exception {
        UUID tenantId = UUID.randomUUID();
        create(tokenOf(tenantId), "{\"name\":\"Konga Technologies Ltd\",\"email\":\"finance@konga.com\"}");
        UUID exportId = UUID.randomUUID();
        Answer first = DataExportProbe.request(tenantId, SERVICE, exportId, Duration.ofSeconds(30));
        assertThat(first.file("customers")).hasSize(1);

        // the same request again (same export id and event id), as Kafka redelivers it after a consumer restart
        assertThatThrownBy(() -> DataExportProbe.request(tenantId, SERVICE, exportId, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("condition not met");
        // a partition is consumed in order: once a later request on the redelivery's partition is answered, the
        // redelivery has been read, and anything it caused was published before that answer
        DataExportProbe.request(tenantId, SERVICE, exportIdOnThePartitionOf(exportId), Duration.ofSeconds(30));

        List<ConsumerRecord<String, String>> parts = DataExportProbe.partsFor(exportId, SERVICE, Duration.ofMillis(500));
        assertThat(parts).hasSize(first.chunks() + 1);
        assertThat(parts).filteredOn(record -> "data_export.contributed".equals(KafkaTopicReader.header(record, "ce_type"))).hasSize(1);
    }

    private static UUID exportIdOnThePartitionOf(UUID exportId) throws Exception {
        int partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RisitiTestResources.kafkaBootstrapServers()))) {
            partitions = admin.describeTopics(List.of(DataExportProbe.REQUESTS)).allTopicNames().get()
                    .get(DataExportProbe.REQUESTS).partitions().size();
        }
        int wanted = partitionOf(exportId, partitions);
        UUID candidate;
        do {
            candidate = UUID.randomUUID();
        } while (partitionOf(candidate, partitions) != wanted);
        return candidate;
    }

    /** The Kafka producer's default partitioner for a keyed record. */
    private static int partitionOf(UUID key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }




    private static JsonNode tree(ConsumerRecord<String, String> record) {
        return tree(record.value());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
