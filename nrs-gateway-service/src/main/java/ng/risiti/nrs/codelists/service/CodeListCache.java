package ng.risiti.nrs.codelists.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ng.risiti.nrs.submissions.service.NrsClient;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * NRS's code lists (invoice types, payment means, tax categories, currencies, countries, service codes, VAT
 * exemptions), read from NRS's public resources and kept in memory per world for {@code risiti.nrs.code-lists.ttl}
 * (a day): they change rarely, and every replica asking NRS on each request would be needless load. When NRS cannot be
 * reached, a stale list is served rather than none; without any, the answer is 503.
 */
@ApplicationScoped
public class CodeListCache {

    public static final List<String> NAMES = List.of("invoice-types", "payment-means", "tax-categories", "currencies", "countries",
            "services-codes", "vat-exemptions");

    public record CodeList(String name, Instant fetchedAt, JsonNode items) {
    }

    private static final Logger LOG = Logger.getLogger(CodeListCache.class);

    private record Key(String name, boolean test) {
    }

    private final ConcurrentMap<Key, CodeList> cache = new ConcurrentHashMap<>();
    private final NrsClient nrs;
    private final Clock clock;
    private final Duration ttl;

    public CodeListCache(NrsClient nrs, Clock clock, @ConfigProperty(name = "risiti.nrs.code-lists.ttl", defaultValue = "24h") Duration ttl) {
        this.nrs = nrs;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** 404 for a list NRS does not publish. */
    public Uni<CodeList> get(String name, boolean test) {
        if (!NAMES.contains(name)) {
            throw ApiException.notFound("Code list", name);
        }
        Key key = new Key(name, test);
        CodeList cached = cache.get(key);
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(clock.instant())) {
            return Uni.createFrom().item(cached);
        }
        return nrs.call(test, "code_list", (api, requestId) -> api.resource(name)).map(answer -> {
            if (answer.ok() && answer.data().isArray()) {
                CodeList fresh = new CodeList(name, clock.instant(), answer.data());
                cache.put(key, fresh);
                return fresh;
            }
            LOG.warnf("NRS code list %s could not be refreshed: %s", name, answer.message());
            if (cached != null) {
                return cached;
            }
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "NRS's " + name + " list cannot be read right now; retry shortly.");
        });
    }
}
