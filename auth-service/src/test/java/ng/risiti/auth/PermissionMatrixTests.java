package ng.risiti.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import ng.risiti.auth.TestAccounts.Account;
import ng.risiti.auth.team.domain.Role;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of docs/permissions.md that auth-service serves: each role against each endpoint, with a user of that
 * role made the way people join (invited, then accepting). Allowed cells expect the success status; refused cells
 * 403 FORBIDDEN, except where the owner-only rules answer 422. Keep this table and the document in step.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class PermissionMatrixTests {

    private static final int FORBIDDEN = 403;

    /** One tenant with one user per role; made once, lazily, because Quarkus must be up first. */
    private static Map<Role, Account> team;

    private record Cell(String endpoint, BiFunction<Account, Account, Response> call, Map<Role, Integer> expected) {
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Cell cell : matrix()) {
            for (Role role : Role.values()) {
                cells.add(Arguments.of(cell.endpoint(), role, cell.expected().get(role), cell));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void roleGetsItsCell(String endpoint, Role role, int status, Cell cell) {
        Map<Role, Account> accounts = team();
        Response response = cell.call().apply(accounts.get(role), accounts.get(Role.OWNER));
        response.then().statusCode(status);
        if (status == FORBIDDEN) {
            response.then().body("error.code", equalTo("FORBIDDEN"));
        }
    }

    private static List<Cell> matrix() {
        Map<Role, Integer> everyone = statuses(200, 200, 200, 200, 200);
        return List.of(
                new Cell("GET /auth/me", (actor, owner) -> get(actor, "/api/v1/auth/me"), everyone),
                new Cell("GET /team", (actor, owner) -> get(actor, "/api/v1/team"), everyone),
                new Cell("POST /team (role member)", (actor, owner) -> send(actor, "POST", "/api/v1/team",
                        Map.of("email", TestAccounts.uniqueEmail(), "role", "member")), statuses(201, 201, 403, 403, 403)),
                new Cell("POST /team (role admin)", (actor, owner) -> send(actor, "POST", "/api/v1/team",
                        Map.of("email", TestAccounts.uniqueEmail(), "role", "admin")), statuses(201, 403, 403, 403, 403)),
                new Cell("PATCH /team/{member}", (actor, owner) -> send(actor, "PATCH", "/api/v1/team/" + target(actor, owner, "member"),
                        Map.of("role", "readonly")), statuses(200, 200, 403, 403, 403)),
                new Cell("PATCH /team/{member} to admin", (actor, owner) -> send(actor, "PATCH", "/api/v1/team/" + target(actor, owner, "member"),
                        Map.of("role", "admin")), statuses(200, 403, 403, 403, 403)),
                new Cell("PATCH /team/{admin}", (actor, owner) -> send(actor, "PATCH", "/api/v1/team/" + target(actor, owner, "admin"),
                        Map.of("role", "member")), statuses(200, 403, 403, 403, 403)),
                new Cell("PATCH /team/{owner}", (actor, owner) -> send(actor, "PATCH", "/api/v1/team/" + owner.userId(),
                        Map.of("role", "member")), statuses(422, 422, 403, 403, 403)),
                new Cell("DELETE /team/{member}", (actor, owner) -> delete(actor, "/api/v1/team/" + target(actor, owner, "member")),
                        statuses(200, 200, 403, 403, 403)),
                new Cell("DELETE /team/{admin}", (actor, owner) -> delete(actor, "/api/v1/team/" + target(actor, owner, "admin")),
                        statuses(200, 403, 403, 403, 403)),
                new Cell("DELETE /team/{owner}", (actor, owner) -> delete(actor, "/api/v1/team/" + owner.userId()),
                        statuses(422, 422, 403, 403, 403)),
                new Cell("GET /settings", (actor, owner) -> get(actor, "/api/v1/settings"), everyone),
                new Cell("PATCH /settings", (actor, owner) -> send(actor, "PATCH", "/api/v1/settings",
                        Map.of("address", "14 Broad Street, Lagos Island")), statuses(200, 200, 403, 403, 403)),
                new Cell("GET /settings/invoice-defaults", (actor, owner) -> get(actor, "/api/v1/settings/invoice-defaults"), everyone),
                new Cell("PATCH /settings/invoice-defaults", (actor, owner) -> send(actor, "PATCH", "/api/v1/settings/invoice-defaults",
                        Map.of("payment_terms_days", 14)), statuses(200, 200, 403, 403, 403)),
                new Cell("POST /settings/data-export", (actor, owner) -> requestExport(actor), statuses(202, 202, 403, 403, 403)),
                new Cell("GET /settings/data-export/{id}", (actor, owner) -> get(actor, "/api/v1/settings/data-export/" + anExport(owner)),
                        statuses(200, 200, 403, 403, 403)),
                new Cell("GET /api-keys", (actor, owner) -> get(actor, "/api/v1/api-keys"), everyone),
                new Cell("POST /api-keys", (actor, owner) -> send(actor, "POST", "/api/v1/api-keys",
                        Map.of("name", "ERP", "scopes", List.of("invoices:read"))), statuses(201, 201, 403, 403, 403)),
                new Cell("DELETE /api-keys/{id}", (actor, owner) -> delete(actor, "/api/v1/api-keys/" + TestAccounts.createKey(owner,
                        List.of("invoices:read")).get("id")), statuses(200, 200, 403, 403, 403)));
    }

    /** owner, admin, accountant, member, readonly */
    private static Map<Role, Integer> statuses(int... byRole) {
        Map<Role, Integer> expected = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            expected.put(role, byRole[role.ordinal()]);
        }
        return expected;
    }

    /** A fresh member with {@code role} when the actor may succeed (a success uses it up), else the shared one. */
    private static String target(Account actor, Account owner, String role) {
        Map<Role, Account> accounts = team();
        boolean mayManage = actor.userId().equals(owner.userId()) || actor.userId().equals(accounts.get(Role.ADMIN).userId());
        return mayManage ? TestAccounts.member(owner, role).userId() : accounts.get(Role.parse(role).orElseThrow()).userId();
    }

    /** The shared tenant's latest export: one runs at a time, so a request first waits for the one before to finish. */
    private static String lastExport;

    private static synchronized Response requestExport(Account actor) {
        if (lastExport != null) {
            awaitExportFinished(team().get(Role.OWNER), lastExport);
        }
        Response response = given().auth().oauth2(actor.accessToken()).when().post("/api/v1/settings/data-export");
        if (response.statusCode() == 202) {
            lastExport = response.path("data.id");
        }
        return response;
    }

    private static synchronized String anExport(Account owner) {
        if (lastExport == null) {
            requestExport(owner).then().statusCode(202);
        }
        return lastExport;
    }

    private static void awaitExportFinished(Account owner, String id) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while ("processing".equals(get(owner, "/api/v1/settings/data-export/" + id).path("data.status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("export " + id + " still processing after 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static synchronized Map<Role, Account> team() {
        if (team == null) {
            Map<Role, Account> accounts = new EnumMap<>(Role.class);
            Account owner = TestAccounts.register();
            accounts.put(Role.OWNER, owner);
            for (Role role : List.of(Role.ADMIN, Role.ACCOUNTANT, Role.MEMBER, Role.READONLY)) {
                accounts.put(role, TestAccounts.member(owner, role.wireName()));
            }
            team = accounts;
        }
        return team;
    }

    private static Response get(Account actor, String path) {
        return given().auth().oauth2(actor.accessToken()).when().get(path);
    }

    private static Response delete(Account actor, String path) {
        return given().auth().oauth2(actor.accessToken()).when().delete(path);
    }

    private static Response send(Account actor, String method, String path, Object body) {
        return given().auth().oauth2(actor.accessToken()).contentType(ContentType.JSON).body(body).when().request(method, path);
    }
}
