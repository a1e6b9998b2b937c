package ng.risiti.billing.paystack.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import ng.risiti.billing.paystack.domain.Checkout;
import ng.risiti.billing.paystack.repository.CheckoutRepository;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/**
 * Starts a Paystack payment under our own reference and remembers it as a pending checkout: what it is for and the
 * amount a {@code charge.success} must carry. Paystack is asked first; if it does not answer, nothing is stored.
 */
@ApplicationScoped
public class Checkouts {

    /**
     * What to charge, and for what: plan and cycle only for subscriptions, the invoice only for invoice payments;
     * {@code callbackUrl} (null: the configured one) is where the payer returns.
     */
    public record Order(String purpose, long amountKobo, String email, String planSlug, String billingCycle, java.util.UUID invoiceId,
            String callbackUrl) {

        public Order(String purpose, long amountKobo, String email, String planSlug, String billingCycle) {
            this(purpose, amountKobo, email, planSlug, billingCycle, null, null);
        }
    }

    private final PaystackClient paystack;
    private final CheckoutRepository checkouts;
    private final Clock clock;

    public Checkouts(PaystackClient paystack, CheckoutRepository checkouts, Clock clock) {
        this.paystack = paystack;
        this.checkouts = checkouts;
        this.clock = clock;
    }

    /**
     * Where Paystack sends the receipt: the address the caller gave, else one that names the tenant (billing does not
     * hold users' addresses; Paystack requires one).
     */
    public static String payerEmail(String given, Tenancy tenancy) {
        return given != null && !given.isBlank() ? given.trim() : "billing+" + tenancy.tenantId() + "@risiti.ng";
    }

    public Uni<Checkout> open(Tenancy tenancy, Order order) {
        String reference = "rsk_" + UuidV7.next().toString().replace("-", "");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("risiti_purpose", order.purpose());
        metadata.put("tenant_id", tenancy.tenantId().toString());
        metadata.put("mode", tenancy.test() ? "test" : "live");
        if (order.planSlug() != null) {
            metadata.put("plan_slug", order.planSlug());
            metadata.put("billing_cycle", order.billingCycle());
        }
        if (order.invoiceId() != null) {
            metadata.put("invoice_id", order.invoiceId().toString());
        }
        return paystack.initialize(tenancy.test(), reference, order.email(), order.amountKobo(), metadata, order.callbackUrl())
                .flatMap(authorization -> Panache.withTransaction(() -> {
                    Checkout checkout = new Checkout();
                    checkout.reference = reference;
                    checkout.tenantId = tenancy.tenantId();
                    checkout.testMode = tenancy.test();
                    checkout.purpose = order.purpose();
                    checkout.planSlug = order.planSlug();
                    checkout.billingCycle = order.billingCycle();
                    checkout.invoiceId = order.invoiceId();
                    checkout.amountKobo = order.amountKobo();
                    checkout.currency = "NGN";
                    checkout.email = order.email();
                    checkout.authorizationUrl = authorization.authorizationUrl();
                    checkout.status = Checkout.PENDING;
                    checkout.createdAt = Clocks.now(clock);
                    return checkouts.persist(checkout);
                }));
    }
}
