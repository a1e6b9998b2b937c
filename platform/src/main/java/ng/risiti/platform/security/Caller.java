package ng.risiti.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as every query needs it: the tenant every repository filters by, the user (absent for API
 * keys), how they authenticated, and whether this is test-mode traffic ({@code rs_test_} keys).
 */
public record Caller(UUID tenantId, UUID userId, AuthMethod method, UUID apiKeyId, boolean test, Set<String> scopes) {

    public static final String TENANT_ID = "risiti.tenant_id";
    public static final String USER_ID = "risiti.user_id";
    public static final String METHOD = "risiti.auth_method";
    public static final String API_KEY_ID = "risiti.api_key_id";
    public static final String TEST_MODE = "risiti.test_mode";
    public static final String SESSION_ID = "risiti.session_id";

    public enum AuthMethod { JWT, API_KEY }

    /** The caller behind an authenticated identity; anonymous callers have no tenant and are refused here. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getAttribute(TENANT_ID) == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return new Caller(
                identity.getAttribute(TENANT_ID),
                identity.getAttribute(USER_ID),
                identity.getAttribute(METHOD),
                identity.getAttribute(API_KEY_ID),
                Boolean.TRUE.equals(identity.getAttribute(TEST_MODE)),
                identity.getRoles());
    }

    /** The tenant and the world (live or test) every query of this caller is confined to. */
    public Tenancy tenancy() {
        return new Tenancy(tenantId, test);
    }

    public boolean has(String scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }

    public boolean viaJwt() {
        return method == AuthMethod.JWT;
    }

    /**
     * The signed-in user, for endpoints the API reference marks "JWT" only (account, keys, team, settings): an API-key
     * caller is authenticated but refused with 403.
     */
    public static Caller user(SecurityIdentity identity) {
        Caller caller = of(identity);
        if (!caller.viaJwt() || caller.userId() == null) {
            throw new ng.risiti.platform.error.ApiException(ng.risiti.platform.error.ErrorCode.FORBIDDEN,
                    "This endpoint requires a user session (JWT); API keys cannot call it.");
        }
        return caller;
    }
}
