package ng.risiti.auth.team.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.TestAccounts.Account;
import ng.risiti.testsupport.TestMailbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class TeamResourceTests {

    private static final Duration EVENTS = Duration.ofSeconds(10);

    @Test
    void inviteMailsASignedLinkAndAcceptingJoinsTheTenantWithTheRole() {
        Account owner = TestAccounts.register();
        String email = "New.Person-" + UUID.randomUUID() + "@Example.ng";
        String stored = email.toLowerCase();
        try (KafkaTopicReader tenants = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            Map<String, Object> invited = given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "role", "accountant"))
                    .when().post("/api/v1/team")
                    .then().statusCode(201)
                    .body("data.email", equalTo(stored))
                    .body("data.role", equalTo("accountant"))
                    .body("data.status", equalTo("invited"))
                    .body("data.first_name", nullValue())
                    .body("data", not(org.hamcrest.Matchers.hasKey("token")))
                    .extract().path("data");
            OffsetDateTime expires = OffsetDateTime.parse((String) invited.get("expires_at"));
            assertThat(Duration.between(OffsetDateTime.now(), expires)).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

            TestMailbox.Mail mail = TestMailbox.awaitOne(stored);
            assertThat(mail.from()).isEqualTo("no-reply@risiti.ng");
            assertThat(mail.subject()).isEqualTo("You're invited to join Fime Digital Ltd on Risiti");
            assertThat(mail.text()).contains("Adaeze Okonkwo invited you", "as an accountant", "http://localhost:8080/accept-invitation?token=");
            assertThat(mail.html()).contains("href=\"http://localhost:8080/accept-invitation?token=" + mail.linkToken("/accept-invitation") + "\"");
            assertThat(mail.linkToken("/accept-invitation")).matches("[A-Za-z0-9_-]{43}");

            given().auth().oauth2(owner.accessToken()).when().get("/api/v1/team")
                    .then().statusCode(200)
                    .body("data.email", contains(owner.email(), stored))
                    .body("data.status", contains("active", "invited"))
                    .body("data.role", contains("owner", "accountant"))
                    .body("data[1].id", equalTo(invited.get("id")))
                    .body("has_more", equalTo(false));

            var accepted = given().contentType(ContentType.JSON)
                    .body(Map.of("token", mail.linkToken("/accept-invitation"), "first_name", " Emeka ", "last_name", "Obi", "password", TestAccounts.PASSWORD))
                    .when().post("/api/v1/team/invitations/accept")
                    .then().statusCode(201)
                    .body("data.access_token", notNullValue())
                    .body("data.user.email", equalTo(stored))
                    .body("data.user.first_name", equalTo("Emeka"))
                    .body("data.user.role", equalTo("accountant"))
                    .body("data.tenant.id", equalTo(owner.tenantId()))
                    .body("data.tenant.name", equalTo("Fime Digital Ltd"))
                    .extract();
            assertThat(accepted.header("Set-Cookie")).contains("refresh_token=").contains("HttpOnly");
            String memberId = accepted.path("data.user.id");

            given().auth().oauth2((String) accepted.path("data.access_token")).when().get("/api/v1/auth/me")
                    .then().statusCode(200)
                    .body("data.role", equalTo("accountant"))
                    .body("data.tenant.id", equalTo(owner.tenantId()));
            given().auth().oauth2(owner.accessToken()).when().get("/api/v1/team")
                    .then().statusCode(200)
                    .body("data.id", contains(owner.userId(), memberId))
                    .body("data.status", contains("active", "active"))
                    .body("data[1].first_name", equalTo("Emeka"))
                    .body("data[1].expires_at", nullValue());
            TestAccounts.login(stored);

            ConsumerRecord<String, String> created = tenants.first("user.created", r -> r.value().contains(memberId), EVENTS);
            assertThat(created.key()).isEqualTo(owner.tenantId());
            assertThat(created.value()).contains("\"tenant_id\":\"" + owner.tenantId() + "\"", "\"name\":\"Fime Digital Ltd\"",
                    "\"role\":\"accountant\"", "\"email\":\"" + stored + "\"", "\"number_prefix\":\"INV\"").doesNotContain("password");

            // an invitation works once
            given().contentType(ContentType.JSON)
                    .body(Map.of("token", mail.linkToken("/accept-invitation"), "first_name", "Emeka", "last_name", "Obi", "password", TestAccounts.PASSWORD))
                    .when().post("/api/v1/team/invitations/accept")
                    .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("token"));
        }
    }

    @Test
    void inviteValidatesAndRefusesExistingEmailsOwnerRoleAndAdminsGrantingAdmin() {
        Account owner = TestAccounts.register();
        Account elsewhere = TestAccounts.register();
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/team")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("email", "role"));
        for (String role : List.of("owner", "superuser", "")) {
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("email", TestAccounts.uniqueEmail(), "role", role))
                    .when().post("/api/v1/team")
                    .then().statusCode(400).body("error.details.field", hasItem("role"));
        }
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "role", "member"))
                .when().post("/api/v1/team")
                .then().statusCode(400).body("error.details[0].field", equalTo("email"));
        // existing accounts, in this tenant or another, any case
        for (String email : List.of(owner.email(), elsewhere.email().toUpperCase())) {
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "role", "member"))
                    .when().post("/api/v1/team")
                    .then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        }

        Account admin = TestAccounts.member(owner, "admin");
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", TestAccounts.uniqueEmail(), "role", "admin"))
                .when().post("/api/v1/team")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"))
                .body("error.message", equalTo("Only the owner can grant or remove the admin role."));
        TestAccounts.invite(admin, TestAccounts.uniqueEmail(), "member");
        TestAccounts.invite(owner, TestAccounts.uniqueEmail(), "admin");

        String key = (String) TestAccounts.createKey(owner, List.of("admin")).get("key");
        given().header("x-api-key", key).contentType(ContentType.JSON).body(Map.of("email", TestAccounts.uniqueEmail(), "role", "member"))
                .when().post("/api/v1/team")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(Map.of("email", TestAccounts.uniqueEmail(), "role", "member"))
                .when().post("/api/v1/team")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void invitingAgainReplacesThePendingInvitation() {
        Account owner = TestAccounts.register();
        String email = TestAccounts.uniqueEmail();
        TestAccounts.invite(owner, email, "member");
        String first = TestMailbox.awaitOne(email).linkToken("/accept-invitation");
        Map<String, Object> second = TestAccounts.invite(owner, email, "readonly");
        List<TestMailbox.Mail> mails = TestMailbox.await(email, 2, Duration.ofSeconds(10));
        String latest = mails.get(1).linkToken("/accept-invitation");
        assertThat(latest).isNotEqualTo(first);

        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/team")
                .then().statusCode(200)
                .body("data.id", contains(owner.userId(), second.get("id")))
                .body("data[1].role", equalTo("readonly"));
        accept(first).then().statusCode(400).body("error.details[0].field", equalTo("token"));
        accept(latest).then().statusCode(201).body("data.user.role", equalTo("readonly"));
    }

    @Test
    void acceptRefusesBadTokensBadFieldsExpiredInvitationsAndTakenEmails() {
        Account owner = TestAccounts.register();
        accept("x".repeat(43)).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("token"))
                .body("error.details[0].message", equalTo("token is invalid or has expired; ask for a new invitation"));
        given().contentType(ContentType.JSON).body(Map.of("token", "abc", "password", "weak"))
                .when().post("/api/v1/team/invitations/accept")
                .then().statusCode(400).body("error.details.field", containsInAnyOrder("first_name", "last_name", "password"));

        String expiring = TestAccounts.uniqueEmail();
        TestAccounts.invite(owner, expiring, "member");
        String token = TestMailbox.awaitOne(expiring).linkToken("/accept-invitation");
        sql("update invitations set expires_at = now() - interval '1 second' where email = '" + expiring + "'");
        accept(token).then().statusCode(400).body("error.details[0].field", equalTo("token"));
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/team")
                .then().statusCode(200).body("data.email", not(hasItem(expiring)));

        // the invitee signed up on their own in the meantime
        String taken = TestAccounts.uniqueEmail();
        TestAccounts.invite(owner, taken, "member");
        String takenToken = TestMailbox.awaitOne(taken).linkToken("/accept-invitation");
        given().contentType(ContentType.JSON).body(TestAccounts.registration(taken)).when().post("/api/v1/auth/register")
                .then().statusCode(201);
        accept(takenToken).then().statusCode(409).body("error.code", equalTo("CONFLICT"));
    }

    @Test
    void changingARoleEndsTheMembersSessionsAndIsAnnounced() {
        Account owner = TestAccounts.register();
        Account member = TestAccounts.member(owner, "member");
        given().auth().oauth2(member.accessToken()).when().get("/api/v1/team").then().statusCode(200);

        try (KafkaTopicReader sessions = KafkaTopicReader.fromEnd(Topics.SESSIONS);
                KafkaTopicReader tenants = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "accountant"))
                    .when().patch("/api/v1/team/" + member.userId())
                    .then().statusCode(200)
                    .body("data.id", equalTo(member.userId()))
                    .body("data.role", equalTo("accountant"))
                    .body("data.status", equalTo("active"));
            // the old token carries the old scopes: refused at once
            given().auth().oauth2(member.accessToken()).when().get("/api/v1/team")
                    .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));

            ConsumerRecord<String, String> revoked = sessions.first("session.revoked", r -> r.value().contains(member.userId()), EVENTS);
            assertThat(revoked.value()).contains("\"session_id\":\"" + revoked.key() + "\"", "\"reason\":\"role_changed\"");
            ConsumerRecord<String, String> updated = tenants.first("user.updated", r -> r.value().contains(member.userId()), EVENTS);
            assertThat(updated.key()).isEqualTo(owner.tenantId());
            assertThat(updated.value()).contains("\"role\":\"accountant\"");
        }
        String fresh = TestAccounts.login(member.email());
        given().auth().oauth2(fresh).when().get("/api/v1/auth/me").then().statusCode(200).body("data.role", equalTo("accountant"));
        // the same role again changes nothing, so the new session lives on
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "accountant"))
                .when().patch("/api/v1/team/" + member.userId())
                .then().statusCode(200).body("data.role", equalTo("accountant"));
        given().auth().oauth2(fresh).when().get("/api/v1/team").then().statusCode(200);
    }

    @Test
    void onlyTheOwnerGrantsOrRemovesAdminAndNobodyChangesTheOwner() {
        Account owner = TestAccounts.register();
        Account admin = TestAccounts.member(owner, "admin");
        Account other = TestAccounts.member(owner, "admin");
        Account member = TestAccounts.member(owner, "member");

        for (Account actor : List.of(owner, admin)) {
            given().auth().oauth2(actor.accessToken()).contentType(ContentType.JSON).body(Map.of("role", "member"))
                    .when().patch("/api/v1/team/" + owner.userId())
                    .then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                    .body("error.message", equalTo("The owner's role cannot be changed."));
        }
        patchRole(admin, member.userId(), "admin").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        patchRole(admin, other.userId(), "member").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        patchRole(admin, member.userId(), "readonly").then().statusCode(200).body("data.role", equalTo("readonly"));
        patchRole(owner, member.userId(), "admin").then().statusCode(200).body("data.role", equalTo("admin"));
        patchRole(owner, other.userId(), "accountant").then().statusCode(200).body("data.role", equalTo("accountant"));
        patchRole(owner, member.userId(), "owner").then().statusCode(400).body("error.details[0].field", equalTo("role"));
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body("{}")
                .when().patch("/api/v1/team/" + member.userId())
                .then().statusCode(400).body("error.details[0].field", equalTo("role"));

        // a pending invitation is re-roled under the same rules
        String invitationId = (String) TestAccounts.invite(admin, TestAccounts.uniqueEmail(), "member").get("id");
        patchRole(admin, invitationId, "admin").then().statusCode(403);
        patchRole(admin, invitationId, "accountant").then().statusCode(200)
                .body("data.status", equalTo("invited")).body("data.role", equalTo("accountant"));

        Account stranger = TestAccounts.register();
        for (String id : List.of(stranger.userId(), UUID.randomUUID().toString(), "not-a-uuid")) {
            patchRole(owner, id, "member").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        }
        Account readonly = TestAccounts.member(owner, "readonly");
        patchRole(readonly, invitationId, "member").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void removingAMemberEndsTheirSessionsAtOnceAndFreesTheirEmail() {
        Account owner = TestAccounts.register();
        Account member = TestAccounts.member(owner, "member");
        given().auth().oauth2(member.accessToken()).when().get("/api/v1/auth/me").then().statusCode(200);

        try (KafkaTopicReader sessions = KafkaTopicReader.fromEnd(Topics.SESSIONS);
                KafkaTopicReader tenants = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            given().auth().oauth2(owner.accessToken()).when().delete("/api/v1/team/" + member.userId())
                    .then().statusCode(200).body("data.message", equalTo("Team member removed."));
            given().auth().oauth2(member.accessToken()).when().get("/api/v1/auth/me")
                    .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
            given().contentType(ContentType.JSON).body(Map.of("email", member.email(), "password", TestAccounts.PASSWORD))
                    .when().post("/api/v1/auth/login")
                    .then().statusCode(401);

            ConsumerRecord<String, String> revoked = sessions.first("session.revoked", r -> r.value().contains(member.userId()), EVENTS);
            assertThat(revoked.value()).contains("\"reason\":\"member_removed\"");
            ConsumerRecord<String, String> removed = tenants.first("user.removed", r -> r.value().contains(member.userId()), EVENTS);
            assertThat(removed.key()).isEqualTo(owner.tenantId());
        }
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/team")
                .then().statusCode(200).body("data.id", contains(owner.userId()));
        given().auth().oauth2(owner.accessToken()).when().delete("/api/v1/team/" + member.userId())
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));

        // the email is free again: the person can be invited back
        TestAccounts.invite(owner, member.email(), "readonly");
        String token = TestMailbox.await(member.email(), 2, Duration.ofSeconds(10)).get(1).linkToken("/accept-invitation");
        accept(token).then().statusCode(201).body("data.user.role", equalTo("readonly"));
    }

    /** Fails on the old removal: a removed admin's API keys kept working for their integrations. */
    @Test
    void removingAMemberRevokesTheApiKeysTheyCreatedEverywhereAndLeavesOthersKeysAlone() {
        Account owner = TestAccounts.register();
        Account admin = TestAccounts.member(owner, "admin");
        String adminsKey = (String) TestAccounts.createKey(admin, List.of("invoices:read")).get("key");
        String ownersKey = (String) TestAccounts.createKey(owner, List.of("invoices:read")).get("key");
        given().header("x-api-key", adminsKey).get("/api/v1/auth/me").then().statusCode(200);

        try (KafkaTopicReader keys = KafkaTopicReader.fromEnd(Topics.API_KEYS)) {
            given().auth().oauth2(owner.accessToken()).when().delete("/api/v1/team/" + admin.userId()).then().statusCode(200);
            given().header("x-api-key", adminsKey).get("/api/v1/auth/me").then().statusCode(401);
            given().header("x-api-key", ownersKey).get("/api/v1/auth/me").then().statusCode(200);
            // other services learn it from the topic
            ConsumerRecord<String, String> state = keys.readUntil(all -> all.stream().anyMatch(r -> r.value().contains("\"revoked_at\":\"")),
                    EVENTS).stream().filter(r -> r.value().contains("\"revoked_at\":\"")).findFirst().orElseThrow();
            assertThat(state.value()).contains(admin.userId());
        }
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/api-keys").then().statusCode(200).body("data.size()", equalTo(1));
    }

    @Test
    void theOwnerCannotBeRemovedAndOnlyTheOwnerRemovesAdmins() {
        Account owner = TestAccounts.register();
        Account admin = TestAccounts.member(owner, "admin");
        Account other = TestAccounts.member(owner, "admin");
        for (Account actor : List.of(owner, admin)) {
            given().auth().oauth2(actor.accessToken()).when().delete("/api/v1/team/" + owner.userId())
                    .then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                    .body("error.message", equalTo("The owner cannot be removed."));
        }
        given().auth().oauth2(admin.accessToken()).when().delete("/api/v1/team/" + other.userId())
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().auth().oauth2(owner.accessToken()).when().delete("/api/v1/team/" + other.userId())
                .then().statusCode(200);

        Account stranger = TestAccounts.register();
        for (String id : List.of(stranger.userId(), UUID.randomUUID().toString(), "not-a-uuid")) {
            given().auth().oauth2(owner.accessToken()).when().delete("/api/v1/team/" + id)
                    .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        }
        given().auth().oauth2(stranger.accessToken()).when().delete("/api/v1/team/" + admin.userId())
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void withdrawingAnInvitationKillsItsLink() {
        Account owner = TestAccounts.register();
        String email = TestAccounts.uniqueEmail();
        String id = (String) TestAccounts.invite(owner, email, "member").get("id");
        String token = TestMailbox.awaitOne(email).linkToken("/accept-invitation");
        given().auth().oauth2(owner.accessToken()).when().delete("/api/v1/team/" + id)
                .then().statusCode(200).body("data.message", equalTo("Invitation withdrawn."));
        accept(token).then().statusCode(400).body("error.details[0].field", equalTo("token"));
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/team")
                .then().statusCode(200).body("data.id", contains(owner.userId()));
    }

    @Test
    void listPagesMembersAndInvitationsTogetherAndStaysInTenant() {
        Account owner = TestAccounts.register();
        TestAccounts.register();
        List<String> expected = new ArrayList<>(List.of(owner.userId()));
        expected.add((String) TestAccounts.invite(owner, TestAccounts.uniqueEmail(), "member").get("id"));
        expected.add(TestAccounts.member(owner, "readonly").userId());
        expected.add((String) TestAccounts.invite(owner, TestAccounts.uniqueEmail(), "accountant").get("id"));
        Account readonly = TestAccounts.member(owner, "readonly");
        expected.add(readonly.userId());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(readonly.accessToken()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/team").then().statusCode(200).extract();
            seen.addAll(page.path("data.id"));
            cursor = page.path("next_cursor");
            assertThat((Boolean) page.path("has_more")).isEqualTo(cursor != null);
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);

        given().auth().oauth2(owner.accessToken()).queryParam("limit", 0).when().get("/api/v1/team")
                .then().statusCode(400).body("error.details[0].field", equalTo("limit"));
        given().auth().oauth2(owner.accessToken()).queryParam("cursor", "forged").when().get("/api/v1/team")
                .then().statusCode(400).body("error.details[0].field", equalTo("cursor"));
        given().when().get("/api/v1/team").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        String key = (String) TestAccounts.createKey(owner, List.of("admin")).get("key");
        given().header("x-api-key", key).when().get("/api/v1/team").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    private static io.restassured.response.Response accept(String token) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "first_name", "Emeka", "last_name", "Obi", "password", TestAccounts.PASSWORD))
                .when().post("/api/v1/team/invitations/accept");
    }

    private static io.restassured.response.Response patchRole(Account actor, String id, String role) {
        return given().auth().oauth2(actor.accessToken()).contentType(ContentType.JSON).body(Map.of("role", role))
                .when().patch("/api/v1/team/" + id);
    }

    static void sql(String statement) {
        try (var connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("auth"));
                var prepared = connection.prepareStatement(statement)) {
            prepared.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
