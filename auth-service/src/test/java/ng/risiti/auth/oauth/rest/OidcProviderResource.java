package ng.risiti.auth.oauth.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts {@link OidcProviderSimulator} once per test JVM and points both providers at it. Like GreenMail, the
 * server outlives class loaders: its port is a system property and later starts reuse it.
 */
public class OidcProviderResource implements QuarkusTestResourceLifecycleManager {

    static final String PORT = "risiti.test.oidc.port";
    static final String ALLOWED_REDIRECT = "https://app.risiti.test/";
    private static final String LOCK = "risiti.test.oidc.lock";

    @Override
    public Map<String, String> start() {
        synchronized (LOCK) {
            if (System.getProperty(PORT) == null) {
                try {
                    OidcProviderSimulator simulator = new OidcProviderSimulator();
                    Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "oidc-simulator-stopper"));
                    System.setProperty(PORT, Integer.toString(simulator.port()));
                } catch (Exception e) {
                    throw new IllegalStateException("The OIDC provider simulator did not start", e);
                }
            }
            String base = "http://127.0.0.1:" + System.getProperty(PORT);
            Map<String, String> config = new HashMap<>();
            for (String realm : new String[] {"google", "microsoft"}) {
                String prefix = "risiti.oauth." + realm + ".";
                config.put(prefix + "authorization-endpoint", base + "/" + realm + "/authorize");
                config.put(prefix + "token-endpoint", base + "/" + realm + "/token");
                config.put(prefix + "jwks-uri", base + "/" + realm + "/jwks");
                config.put(prefix + "client-id", OidcProviderSimulator.clientId(realm));
                config.put(prefix + "client-secret", OidcProviderSimulator.clientSecret(realm));
            }
            config.put("risiti.oauth.google.issuer", base + "/google");
            config.put("risiti.oauth.microsoft.issuer", base + "/microsoft/{tenantid}/v2.0");
            config.put("risiti.oauth.redirect-allow-list", "http://localhost:8080/," + ALLOWED_REDIRECT);
            return config;
        }
    }

    @Override
    public void stop() {
        // lives until the JVM exits, like the database and the broker
    }
}
