package ng.risiti.invoice.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.invoice.service.CustomerDirectory;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.CustomerState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the customer replica current. Applying a state is idempotent (newer wins), so redelivery needs no inbox.
 */
@ApplicationScoped
public class CustomerStateConsumer {

    public static final String CHANNEL = "customers";

    private final CustomerDirectory directory;
    private final ObjectMapper json;

    public CustomerStateConsumer(CustomerDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        CustomerState state = IncomingEvent.from(record).data(json, CustomerState.class);
        return Consumers.applyInTransaction(() -> directory.apply(state));
    }
}
