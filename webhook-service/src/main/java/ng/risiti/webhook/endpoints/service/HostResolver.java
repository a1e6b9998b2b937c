package ng.risiti.webhook.endpoints.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** DNS as the JDK does it (blocking: call it on a worker). A bean so tests can make a name resolve to a private address. */
@ApplicationScoped
public class HostResolver {

    /** Every address the name resolves to; empty when it does not resolve. */
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
