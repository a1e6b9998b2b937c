package ng.risiti.webhook.endpoints.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.List;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.webhook.endpoints.config.TargetConfig;
import ng.risiti.webhook.endpoints.domain.TargetPolicy;
import ng.risiti.webhook.endpoints.domain.TargetPolicy.Target;

/**
 * Resolves a webhook URL's host and applies {@link TargetPolicy} to every address: at registration and before every
 * delivery, which then connects to the address checked here (never resolving again), so a name that changes its
 * answer between check and connect (DNS rebinding) cannot reach a refused address.
 */
@ApplicationScoped
public class TargetCheck {

    private final TargetPolicy policy;
    private final HostResolver resolver;

    public TargetCheck(TargetConfig config, HostResolver resolver) {
        this.policy = new TargetPolicy(config.allowHttp(), config.allowLoopback(), config.allowPrivate(),
                config.refusedRanges().orElse(List.of()).stream().map(TargetPolicy.Cidr::parse).toList());
        this.resolver = resolver;
    }

    /** A target to call and the address to call it at. */
    public record Checked(Target target, InetAddress address) {
    }

    /** The URL's target and a checked address, or a {@link Refused} failure saying why not. */
    public Uni<Checked> check(String url) {
        Target target = policy.parse(url);
        if (target.problem() != null) {
            return Uni.createFrom().failure(new Refused(target.problem()));
        }
        return Offload.run(() -> target.literal() ? literal(target.host()) : resolver.resolve(target.host())).map(addresses -> {
            String refusal = policy.refusal(target.host(), addresses);
            if (refusal != null) {
                throw new Refused(refusal);
            }
            return new Checked(target, addresses.getFirst());
        });
    }

    private static List<InetAddress> literal(String host) {
        try {
            return List.of(InetAddress.getByName(host));
        } catch (java.net.UnknownHostException e) {
            return List.of();
        }
    }

    /** A URL webhooks may not call, and why. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
