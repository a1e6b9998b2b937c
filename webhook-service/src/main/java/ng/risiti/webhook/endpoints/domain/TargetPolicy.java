package ng.risiti.webhook.endpoints.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF rules for webhook URLs, as pure functions of a URL and the addresses its host resolves to: checked when an
 * endpoint is registered or changed and again before every delivery (a name may resolve elsewhere by then: DNS
 * rebinding). A refusal is a sentence for the 400's {@code url} detail or the delivery's attempt log.
 */
public record TargetPolicy(boolean allowHttp, boolean allowLoopback, boolean allowPrivate, List<Cidr> refusedRanges) {

    public static final int URL_MAX = 2048;

    /** The parsed URL, or the reason it cannot be a webhook URL (its host not yet resolved). */
    public Target parse(String url) {
        if (url == null || url.isBlank()) {
            return Target.refused("url is required");
        }
        if (url.length() > URL_MAX) {
            return Target.refused("url must be at most " + URL_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Target.refused("url must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            return Target.refused(allowHttp ? "url must be an http or https URL" : "url must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Target.refused("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Target.refused("url must not carry credentials (user:password@); authenticate receipts with the signature");
        }
        if (uri.getRawFragment() != null) {
            return Target.refused("url must not have a fragment (#...)");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri.toString(), scheme.equals("https"), host.toLowerCase(Locale.ROOT), port, pathAndQuery, null);
    }

    /** Why one of these addresses may not be called (null: every one may). */
    public String refusal(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return "url host '" + host + "' does not resolve";
        }
        for (InetAddress address : addresses) {
            String reason = refusal(address);
            if (reason != null) {
                return "url host '" + host + "' resolves to " + address.getHostAddress() + ", " + reason;
            }
        }
        return null;
    }

    /** Why this address may not be called (null: it may). */
    public String refusal(InetAddress address) {
        if (address.isLinkLocalAddress() || inRange(address, LINK_LOCAL_V4)) {
            return "a link-local address (cloud metadata lives there), which webhooks never call";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || inRange(address, RESERVED)) {
            return "a reserved, unspecified or multicast address, which webhooks never call";
        }
        for (Cidr range : refusedRanges) {
            if (range.contains(address)) {
                return "an address of this platform's own network, which webhooks never call";
            }
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address, which webhooks do not call";
        }
        if (address.isSiteLocalAddress() || inRange(address, PRIVATE) || uniqueLocal(address)) {
            return allowPrivate ? null : "a private address, which webhooks do not call";
        }
        return null;
    }

    private static final List<Cidr> LINK_LOCAL_V4 = List.of(Cidr.parse("169.254.0.0/16"));
    /** "This network", shared address space is private below; benchmarking, documentation, reserved and broadcast. */
    private static final List<Cidr> RESERVED = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("192.0.0.0/24"), Cidr.parse("192.0.2.0/24"),
            Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24"), Cidr.parse("240.0.0.0/4"));
    /** Carrier-grade NAT space (RFC 6598) behaves as private for us. */
    private static final List<Cidr> PRIVATE = List.of(Cidr.parse("100.64.0.0/10"));

    private static boolean inRange(InetAddress address, List<Cidr> ranges) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** A URL that passed the syntax rules: where to connect and what to send as Host and path. */
    public record Target(String url, boolean https, String host, int port, String pathAndQuery, String problem) {
        static Target refused(String problem) {
            return new Target(null, false, null, 0, null, problem);
        }

        /** An IP literal needs no resolution (and must not be "resolved" by a resolver that might answer differently). */
        public boolean literal() {
            return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
        }
    }

    /** An address range, IPv4 or IPv6, like {@code 10.42.0.0/16}. */
    public record Cidr(byte[] network, int bits) {
        public static Cidr parse(String cidr) {
            String[] parts = cidr.trim().split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (!(InetAddress.getByName(parts[0]) instanceof Inet4Address || network.length == 16) || bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("not a CIDR range: " + cidr);
                }
                return new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
