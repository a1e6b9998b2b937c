package ng.risiti.invoice.customers.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.invoice.customers.repository.KnownCustomerRepository;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventConsumer;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.CustomerState;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the customer replica current from the compacted customers topic, newer-wins by aggregate version. */
@ApplicationScoped
public class CustomerStateConsumer implements EventConsumer {

    public static final String CHANNEL = "customers";

    private final Consumers consumers;
    private final KnownCustomerRepository customers;
    private final ObjectMapper json;

    public CustomerStateConsumer(Consumers consumers, KnownCustomerRepository customers, ObjectMapper json) {
        this.consumers = consumers;
        this.customers = customers;
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
    public Uni<Void> apply(IncomingEvent event) {
        return customers.apply(event.data(json, CustomerState.class), event.aggregateVersion());
    }
}
