package ng.risiti.webhook.endpoints.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Which URLs an endpoint may point at (docs/webhooks.md, URL rules): production allows only https to public addresses;
 * the local stack and tests allow http and loopback so a developer can receive on localhost. Link-local addresses
 * (169.254.169.254, the cloud metadata service) are refused whatever this says.
 */
@ConfigMapping(prefix = "risiti.webhooks.targets")
public interface TargetConfig {

    /** Plain http:// URLs (local stack only). */
    @WithDefault("false")
    boolean allowHttp();

    /** Loopback addresses (127.0.0.0/8, ::1): local stack and tests only. */
    @WithDefault("false")
    boolean allowLoopback();

    /** Private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): a receiver on the same private network. */
    @WithDefault("false")
    boolean allowPrivate();

    /** The cluster's own ranges (pod and service CIDRs, e.g. 10.42.0.0/16), refused always even when private ones are allowed. */
    Optional<List<String>> refusedRanges();
}
