package ng.risiti.webhook;

import io.quarkus.test.Mock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import ng.risiti.webhook.endpoints.service.HostResolver;

/**
 * DNS for the tests: a few names answer as an attacker's DNS would (a private address, the metadata address, one that
 * changes its answer after registration), everything else resolves for real.
 */
@Mock
public class TestHostResolver extends HostResolver {

    /** Resolves to a private address (10.0.0.0/8). */
    public static final String PRIVATE_NAME = "billing.internal.example.test";
    /** Resolves to the cloud metadata service. */
    public static final String METADATA_NAME = "metadata.example.test";
    /** Resolves to loopback until {@link #rebind} is called, then to the metadata address: DNS rebinding. */
    public static final String REBINDING_NAME = "rebinding.example.test";
    /** Resolves to loopback: a developer's name for their machine. */
    public static final String LOCAL_NAME = "receiver.example.test";

    private static volatile boolean rebound;

    public static void rebind(boolean now) {
        rebound = now;
    }

    private static final Map<String, String> NAMES = Map.of(PRIVATE_NAME, "10.20.30.40", METADATA_NAME, "169.254.169.254",
            LOCAL_NAME, "127.0.0.1");

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            if (host.equals(REBINDING_NAME)) {
                return List.of(InetAddress.getByName(rebound ? "169.254.169.254" : "127.0.0.1"));
            }
            String address = NAMES.get(host);
            return address != null ? List.of(InetAddress.getByName(address)) : super.resolve(host);
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
