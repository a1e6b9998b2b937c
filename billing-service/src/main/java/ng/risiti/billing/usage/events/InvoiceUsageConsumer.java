package ng.risiti.billing.usage.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.billing.usage.repository.UsageRepository;
import ng.risiti.billing.usage.service.UsageReport;
import ng.risiti.platform.events.BulkEventConsumer;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.PermanentEventFailure;
import ng.risiti.platform.security.Tenancy;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts each {@code invoice.created} once into its tenant's UTC month, for {@code GET /billing/usage}. */
@ApplicationScoped
public class InvoiceUsageConsumer implements BulkEventConsumer {

    public static final String CHANNEL = "invoice-usage";

    private final Consumers consumers;
    private final UsageReport usage;

    public InvoiceUsageConsumer(Consumers consumers, UsageReport usage) {
        this.consumers = consumers;
        this.usage = usage;
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
        return EventTypes.INVOICE_CREATED.equals(type);
    }

    @Override
    public Uni<Void> applyAll(List<IncomingEvent> events) {
        Map<Month, Long> created = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (event.tenantId() == null || event.time() == null) {
                throw new PermanentEventFailure("event " + event.id() + " names no tenant or time");
            }
            created.merge(new Month(new Tenancy(event.tenantId(), Boolean.TRUE.equals(event.test())),
                    event.time().atZoneSameInstant(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)), 1L, Long::sum);
        }
        return usage.invoicesCreated(created.entrySet().stream()
                .map(count -> new UsageRepository.InvoicesCreated(count.getKey().tenancy(), count.getKey().first(), count.getValue())).toList());
    }

    /** A tenant's world and UTC month (its first day). */
    private record Month(Tenancy tenancy, LocalDate first) {
    }
}
