package ng.risiti.customer.verifications.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import ng.risiti.customer.customers.service.CustomerService;
import ng.risiti.customer.verifications.domain.ProviderAnswer;
import ng.risiti.customer.verifications.domain.Verification;
import ng.risiti.customer.verifications.domain.VerificationType;
import ng.risiti.customer.verifications.events.VerificationEvents;
import ng.risiti.customer.verifications.repository.VerificationRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.rest.Naira;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.time.Clocks;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * TIN and NIN verification: the provider is asked first, outside any write; only an answer is kept, charged
 * ({@code verification.completed} with NGN 200, nothing in test mode) and, when valid and for a customer, marked on
 * the customer, all in one transaction. A provider that does not answer leaves no trace and costs nothing.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);
    private final IdentityProviders providers;
    private final VerificationRepository verifications;
    private final VerificationEvents events;
    private final CustomerService customers;
    private final BillingCreditsClient billing;
    private final Clock clock;

    public VerificationService(IdentityProviders providers, VerificationRepository verifications, VerificationEvents events,
            CustomerService customers, @RestClient BillingCreditsClient billing, Clock clock) {
        this.billing = billing;
        this.providers = providers;
        this.verifications = verifications;
        this.events = events;
        this.customers = customers;
        this.clock = clock;
    }

    public Uni<Verification> verify(Caller caller, VerificationType type, String number, UUID customerId) {
        if (!type.wellFormed(number)) {
            throw ApiException.validation("number", "number " + type.rule());
        }
        Uni<Void> customerExists = customerId == null ? Uni.createFrom().voidItem() : customers.requireExists(caller, customerId);
        return customerExists
                .chain(() -> creditsCover(caller))
                .chain(() -> providers.ask(type, number))
                .chain(answer -> Panache.withTransaction(() -> record(caller, type, number, customerId, answer)));
    }

    /**
     * A live verification costs NGN 200 of API credits: refused (402, nothing asked) when the balance billing-service
     * reports cannot cover it. billing debits each completed verification from its event, so two verifications
     * started at the same moment may both pass this check and overdraw by their cost (docs/specification.md).
     */
    private Uni<Void> creditsCover(Caller caller) {
        if (caller.test()) {
            return Uni.createFrom().voidItem();
        }
        return billing.balance(caller.tenantId(), false)
                .onFailure().transform(failure -> {
                    LOG.warnf("API-credit balance at billing-service could not be read: %s", failure.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "API credits cannot be checked right now; retry shortly.");
                })
                .invoke(balance -> {
                    if (balance.balanceKobo() < Verification.CHARGE_KOBO) {
                        throw new ApiException(ErrorCode.PLAN_LIMIT_EXCEEDED, "A verification costs NGN 200 of API credits and the balance is NGN "
                                + Naira.fromKobo(balance.balanceKobo()) + "; top up at /api/v1/api-credits/top-up.");
                    }
                }).replaceWithVoid();
    }

    public Uni<List<Verification>> page(Caller caller, PageRequest page) {
        return Panache.withSession(() -> verifications.page(caller.tenancy(), page));
    }

    private Uni<Verification> record(Caller caller, VerificationType type, String number, UUID customerId, ProviderAnswer answer) {
        Verification verification = new Verification();
        verification.id = UuidV7.next();
        verification.tenantId = caller.tenantId();
        verification.testMode = caller.test();
        verification.type = type.wireName();
        verification.number = number;
        verification.customerId = customerId;
        verification.valid = answer.registered();
        verification.registeredName = answer.registeredName();
        verification.chargeKobo = caller.test() ? 0 : Verification.CHARGE_KOBO;
        verification.checkedAt = Clocks.now(clock);
        Uni<Void> mark = customerId == null || !answer.registered() ? Uni.createFrom().voidItem()
                : type == VerificationType.TIN ? customers.markTinVerified(caller, customerId, number)
                : customers.markNinVerified(caller, customerId);
        return mark.chain(() -> verifications.persist(verification))
                .call(events::completed);
    }
}
