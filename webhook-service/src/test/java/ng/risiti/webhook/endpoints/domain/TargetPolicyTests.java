package ng.risiti.webhook.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import ng.risiti.webhook.endpoints.domain.TargetPolicy.Cidr;
import ng.risiti.webhook.endpoints.domain.TargetPolicy.Target;
import org.junit.jupiter.api.Test;

/** The SSRF rules as production configures them (https, public addresses only) and as the local stack loosens them. */
class TargetPolicyTests {

    static final TargetPolicy PRODUCTION = new TargetPolicy(false, false, false, List.of(Cidr.parse("10.42.0.0/16")));
    static final TargetPolicy LOCAL = new TargetPolicy(true, true, true, List.of(Cidr.parse("10.42.0.0/16")));

    private static String refusal(TargetPolicy policy, String address) throws Exception {
        return policy.refusal(InetAddress.getByName(address));
    }

    @Test
    void productionRefusesPlainHttpAndAcceptsHttpsWithItsPortAndPath() {
        assertThat(PRODUCTION.parse("http://api.yourapp.com/hooks").problem()).isEqualTo("url must be an https URL");
        Target target = PRODUCTION.parse("https://API.yourapp.com:8443/hooks/risiti?source=risiti");
        assertThat(target.problem()).isNull();
        assertThat(target.host()).isEqualTo("api.yourapp.com");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.pathAndQuery()).isEqualTo("/hooks/risiti?source=risiti");
        assertThat(PRODUCTION.parse("https://api.yourapp.com").pathAndQuery()).isEqualTo("/");
        assertThat(PRODUCTION.parse("https://api.yourapp.com").port()).isEqualTo(443);
        assertThat(LOCAL.parse("http://localhost:3000/hooks").problem()).isNull();
        assertThat(LOCAL.parse("http://localhost/hooks").port()).isEqualTo(80);
    }

    @Test
    void loopbackIsRefusedUnlessTheLocalStackAllowsIt() throws Exception {
        assertThat(refusal(PRODUCTION, "127.0.0.1")).contains("loopback");
        assertThat(refusal(PRODUCTION, "127.8.9.10")).contains("loopback");
        assertThat(refusal(PRODUCTION, "::1")).contains("loopback");
        assertThat(refusal(LOCAL, "127.0.0.1")).isNull();
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowedButTheClustersOwnRangesNever() throws Exception {
        for (String address : List.of("10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.0.10", "100.64.1.1", "fd00::1")) {
            assertThat(refusal(PRODUCTION, address)).as(address).contains("private");
            assertThat(refusal(LOCAL, address)).as(address).isNull();
        }
        assertThat(refusal(LOCAL, "10.42.3.4")).contains("platform's own network");
        assertThat(refusal(PRODUCTION, "172.32.0.1")).isNull();
    }

    @Test
    void linkLocalMetadataMulticastAndReservedAddressesAreRefusedWhateverIsAllowed() throws Exception {
        for (String address : List.of("169.254.169.254", "169.254.0.1", "fe80::1")) {
            assertThat(refusal(LOCAL, address)).as(address).contains("link-local");
        }
        for (String address : List.of("0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "ff02::1", "198.18.0.1")) {
            assertThat(refusal(LOCAL, address)).as(address).contains("reserved");
        }
    }

    @Test
    void publicAddressesAreFineAndOneBadAddressAmongAHostsAnswersRefusesIt() throws Exception {
        assertThat(refusal(PRODUCTION, "102.89.1.1")).isNull();
        assertThat(refusal(PRODUCTION, "2a00:1450:4001::1")).isNull();
        assertThat(PRODUCTION.refusal("hooks.example.ng", List.of(InetAddress.getByName("102.89.1.1"), InetAddress.getByName("10.1.1.1"))))
                .isEqualTo("url host 'hooks.example.ng' resolves to 10.1.1.1, a private address, which webhooks do not call");
        assertThat(PRODUCTION.refusal("nowhere.invalid", List.of())).contains("does not resolve");
    }
}
