package ng.risiti.launcher;

import java.time.Duration;
import java.util.List;

/** The local stack's fixed shape: ports and names from docs/local-stack-contract.md. */
final class Stack {

    static final String HOST = "127.0.0.1";
    static final int GATEWAY_PORT = 8080;
    static final int SANDBOX_PORT = 8090;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int POSTGRES_EMBEDDED_PORT = 5433;
    static final int SMTP_PORT = 3025;
    static final int MAILBOX_PORT = 8025;
    /** The WhatsApp Cloud API simulator, started with the mailbox (component "mail"). */
    static final int WHATSAPP_PORT = 8091;
    /** The Paystack simulator (deploy/paystack-sandbox): billing-service's Paystack in the local stack. */
    static final int PAYSTACK_PORT = 8092;
    /** The OpenID provider simulator (deploy/oidc-sandbox): Google's and Microsoft's sign-in in the local stack. */
    static final int OIDC_PORT = 8093;

    /**
     * Heap, GC and native-memory settings for each service JVM; tune here. The JIT keeps its default tiers: stopping at
     * C1 started each service a little sooner but made steady state several times slower (bench/README.md,
     * InvoiceThroughput). Start-up's compilations leave ~25 MB of freed C heap that glibc keeps; trimming it every 2 s
     * brings each idle service under the 250 MB budget (bench/README.md, startup.sh).
     * RISITI_SERVICE_JVM_OPTS adds options for a look inside (GC logs, JFR), e.g. "-Xlog:gc:file=/tmp/gc-%p.log".
     */
    static final List<String> SERVICE_JVM_OPTS = serviceJvmOpts(System.getenv("RISITI_SERVICE_JVM_OPTS"));

    static List<String> serviceJvmOpts(String extra) {
        List<String> opts = new java.util.ArrayList<>(List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TrimNativeHeapInterval=2000"));
        if (extra != null && !extra.isBlank()) {
            opts.addAll(List.of(extra.trim().split("\\s+")));
        }
        return List.copyOf(opts);
    }

    /** Dynamic AppCDS archives per child JVM in .risiti/cds (off with RISITI_CDS=false). */
    static final boolean CDS = !"false".equalsIgnoreCase(System.getenv("RISITI_CDS"));
    /**
     * How long a service may take to stop. With CDS on, a JVM writes its ~100 MB archive after Quarkus stops, and
     * several at once on 2 cores take longer than 15 s; killing them first means the archive is never written.
     */
    static final java.time.Duration SERVICE_STOP_GRACE = java.time.Duration.ofSeconds(CDS ? 60 : 15);

    /** The supervisor hosts the gateway and GreenMail: C2 stays on for gateway throughput. */
    static final List<String> SUPERVISOR_JVM_OPTS = List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC",
            "--sun-misc-unsafe-memory-access=allow"); // Netty 4.1 still uses Unsafe; silence JDK 25's warning

    /** How long a component may take to become healthy; RISITI_HEALTH_TIMEOUT_SECONDS raises it on a loaded machine. */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(healthTimeoutSeconds(System.getenv("RISITI_HEALTH_TIMEOUT_SECONDS")));

    static long healthTimeoutSeconds(String configured) {
        return configured == null || !configured.trim().matches("[0-9]{1,4}") ? 90 : Math.max(1, Long.parseLong(configured.trim()));
    }

    record Service(String name, int port, String database) {
        String jar() {
            return name + "/target/quarkus-app/quarkus-run.jar";
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service(Routes.AUTH, 8081, "risiti_auth"),
            new Service(Routes.CUSTOMER, 8082, "risiti_customer"),
            new Service(Routes.INVOICE, 8083, "risiti_invoice"),
            new Service(Routes.BILLING, 8084, "risiti_billing"),
            new Service(Routes.NRS_GATEWAY, 8085, "risiti_nrs"),
            new Service(Routes.WEBHOOK, 8086, "risiti_webhook"));

    static final String SANDBOX = "nrs-sandbox";
    static final String SANDBOX_JAR = "deploy/nrs-sandbox/target/quarkus-app/quarkus-run.jar";
    static final String PAYSTACK = "paystack-sandbox";
    static final String PAYSTACK_JAR = "deploy/paystack-sandbox/target/paystack-sandbox.jar";
    static final String OIDC = "oidc-sandbox";
    static final String OIDC_JAR = "deploy/oidc-sandbox/target/oidc-sandbox.jar";
    /** The browser reaches the simulator's sign-in page here; tokens carry it as their issuer. */
    static final String OIDC_ISSUER = "http://localhost:" + OIDC_PORT;

    /** Components selectable with --only, in start order. */
    static final List<String> INFRA = List.of("postgres", "kafka", "mail", SANDBOX, PAYSTACK, OIDC);

    private Stack() {
    }
}
