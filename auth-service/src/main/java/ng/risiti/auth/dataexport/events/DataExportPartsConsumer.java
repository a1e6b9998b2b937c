package ng.risiti.auth.dataexport.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.auth.dataexport.DataExport;
import ng.risiti.auth.dataexport.DataExportStatus;
import ng.risiti.auth.dataexport.service.DataExportAssembler;
import ng.risiti.auth.dataexport.service.DataExportMailer;
import ng.risiti.platform.events.Consumers;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.IncomingEvent;
import ng.risiti.platform.events.contract.DataExportChunk;
import ng.risiti.platform.events.contract.DataExportContributed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every service's part of every export (risiti.data-export-parts.v1, key = export id, so one export's parts arrive in
 * order on one partition). When a part completes an export, its requester is mailed the link after the commit; a
 * mail that cannot be sent is logged, the link is still on the export's status.
 */
@ApplicationScoped
public class DataExportPartsConsumer {

    public static final String CHANNEL = "data-export-parts";
    private static final Logger LOG = Logger.getLogger(DataExportPartsConsumer.class);

    private final DataExportAssembler assembler;
    private final DataExportMailer mailer;
    private final UserRepository users;
    /** Floats stay exact (quantities, percentages): never through a double. */
    private final ObjectReader reader;

    public DataExportPartsConsumer(DataExportAssembler assembler, DataExportMailer mailer, UserRepository users, ObjectMapper json) {
        this.assembler = assembler;
        this.mailer = mailer;
        this.users = users;
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        IncomingEvent event = IncomingEvent.from(record);
        AtomicReference<DataExport> completed = new AtomicReference<>();
        Uni<Void> applied;
        if (EventTypes.DATA_EXPORT_CHUNK.equals(event.type())) {
            DataExportChunk chunk = reader.readValue(event.data(), DataExportChunk.class);
            applied = Consumers.applyInTransaction(() -> assembler.add(chunk).invoke(completed::set));
        } else if (EventTypes.DATA_EXPORT_CONTRIBUTED.equals(event.type())) {
            DataExportContributed contributed = reader.readValue(event.data(), DataExportContributed.class);
            applied = Consumers.applyInTransaction(() -> assembler.add(contributed).invoke(completed::set));
        } else {
            return Uni.createFrom().voidItem();
        }
        return applied.flatMap(ignored -> {
            DataExport export = completed.get();
            return export == null || export.status != DataExportStatus.READY ? Uni.createFrom().voidItem() : mailRequester(export);
        });
    }

    private Uni<Void> mailRequester(DataExport export) {
        return Panache.withSession(() -> users.findById(export.requestedBy))
                .flatMap(user -> user == null ? Uni.createFrom().voidItem() : mailer.ready(export, user.email))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Could not mail data export %s's link: %s", export.id, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
