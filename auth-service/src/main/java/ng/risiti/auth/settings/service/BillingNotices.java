package ng.risiti.auth.settings.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.auth.settings.repository.TenantRepository;
import ng.risiti.platform.events.contract.SubscriptionChanged;
import org.jboss.logging.Logger;

/**
 * Mails the tenant's owner that a subscription payment failed (billing-service's {@code subscription.payment_failed}:
 * billing holds no users' addresses). A mail server that is away is logged, not retried: the billing consumer must not
 * hold its partition for a notice, and the subscription's past_due status stays visible in the API.
 */
@ApplicationScoped
public class BillingNotices {

    private static final Logger LOG = Logger.getLogger(BillingNotices.class);

    private final UserRepository users;
    private final TenantRepository tenants;
    private final ReactiveMailer mailer;

    public BillingNotices(UserRepository users, TenantRepository tenants, ReactiveMailer mailer) {
        this.users = users;
        this.tenants = tenants;
        this.mailer = mailer;
    }

    public Uni<Void> paymentFailed(SubscriptionChanged failed) {
        return users.findOwner(failed.tenantId()).flatMap(owner -> tenants.findById(failed.tenantId()).flatMap(tenant -> {
            if (owner == null || tenant == null) {
                LOG.warnf("Nobody to tell that tenant %s's subscription payment failed: no owner here", failed.tenantId());
                return Uni.createFrom().voidItem();
            }
            String text = """
                    Hello%s,

                    We could not charge the card on file for %s's Risiti %s plan (NGN %s). Your subscription is past due.

                    We will try the card again over the next few days. To keep the %s plan, pay now with
                    POST /api/v1/billing/subscription (or from Billing in the dashboard); if no payment goes through,
                    the account moves to the Free plan. GET /api/v1/billing/subscription shows where it stands.

                    Period: %s to %s

                    Risiti
                    """.formatted(owner.firstName == null ? "" : " " + owner.firstName, tenant.name, failed.planSlug(), failed.amount(),
                    failed.planSlug(), DateTimeFormatter.ISO_LOCAL_DATE.format(failed.currentPeriodStart()),
                    DateTimeFormatter.ISO_LOCAL_DATE.format(failed.currentPeriodEnd()));
            return mailer.send(Mail.withText(owner.email, "Payment failed: your Risiti subscription is past due", text));
        })).onFailure().recoverWithItem(failure -> {
            LOG.errorf("Could not mail tenant %s that its subscription payment failed: %s", failed.tenantId(), failure);
            return null;
        });
    }
}
