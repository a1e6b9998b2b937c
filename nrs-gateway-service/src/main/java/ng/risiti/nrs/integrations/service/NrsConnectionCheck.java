package ng.risiti.nrs.integrations.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import ng.risiti.nrs.submissions.domain.NrsAnswer;
import ng.risiti.nrs.submissions.service.NrsClient;
import ng.risiti.platform.error.ApiException;

/**
 * "Test connection": NRS's health probe, then a cheap authenticated call (a confirm lookup of an IRN nobody has: NRS
 * answers 404 to credentials it accepts, 401 to ones it refuses). Live credentials go to the live NRS only.
 */
@ApplicationScoped
public class NrsConnectionCheck {

    /** {@code verifiedAt} is set when NRS accepted the credentials (this time or before). */
    public record Result(boolean reachable, boolean authenticated, String message, OffsetDateTime verifiedAt) {
    }

    private static final String NO_SUCH_IRN = "RISITICHECK-00000000-20000101";

    private final NrsCredentialStore store;
    private final IntegrationSettings settings;
    private final NrsClient nrs;

    public NrsConnectionCheck(NrsCredentialStore store, IntegrationSettings settings, NrsClient nrs) {
        this.store = store;
        this.settings = settings;
        this.nrs = nrs;
    }

    public Uni<Result> check(UUID tenantId) {
        return store.forCall(tenantId, false).flatMap(creds -> {
            if (creds == null) {
                throw ApiException.unprocessable("NRS credentials are not configured: set api_key, api_secret and business_id first.");
            }
            return nrs.call(false, "health", (api, id) -> api.health()).flatMap(health -> {
                if (!health.ok()) {
                    return Uni.createFrom().item(new Result(false, false, "NRS cannot be reached: " + health.message(), null));
                }
                return nrs.call(false, "connection_check", (api, id) -> api.confirm(creds.apiKey(), creds.apiSecret(), id, NO_SUCH_IRN))
                        .flatMap(answer -> judge(tenantId, answer));
            });
        });
    }

    private Uni<Result> judge(UUID tenantId, NrsAnswer answer) {
        if (answer.status() == 401 || answer.status() == 403) {
            return Uni.createFrom().item(new Result(true, false, "NRS refused the credentials: " + answer.message(), null));
        }
        if (answer.ok() || answer.status() == 404) {
            return settings.markVerified(tenantId).map(at -> new Result(true, true, "NRS accepted the credentials.", at));
        }
        return Uni.createFrom().item(new Result(true, false, "NRS could not check the credentials: " + answer.message(), null));
    }
}
