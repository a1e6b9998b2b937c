package ng.risiti.billing.usage.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.billing.usage.service.ApiMetering;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.events.contract.ApiCallsMetered;
import ng.risiti.platform.security.Tenancy;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Meters the API-key calls every service replica reports ({@code api_calls.metered} on {@code risiti.api-usage.v1},
 * written through their outboxes): each event once (the inbox claims its id in the transaction that charges it).
 * The same topic's {@code api_key.used} signals are auth-service's, not ours.
 */
@ApplicationScoped
public class ApiUsageConsumer implements EventConsumer {

    public static final String CHANNEL = "api-usage";

    private final Consumers consumers;
    private final ApiMetering metering;
    private final ObjectMapper json;

    public ApiUsageConsumer(Consumers consumers, ApiMetering metering, ObjectMapper json) {
        this.consumers = consumers;
        this.metering = metering;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return consumers.deliver(this, records);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean wants(String type) {
        return EventTypes.API_CALLS_METERED.equals(type);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        ApiCallsMetered metered = event.data(json, ApiCallsMetered.class);
        if (metered.tenantId() == null || metered.minute() == null || metered.count() <= 0) {
            throw new PermanentEventFailure("event " + event.id() + " names no tenant, minute or calls");
        }
        return metering.metered(new Tenancy(metered.tenantId(), metered.testMode()), event.id(), metered.keyId(), metered.minute(),
                metered.count());
    }
}
