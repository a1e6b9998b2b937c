package ng.risiti.auth.dataexport.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.auth.account.domain.User;
import ng.risiti.auth.dataexport.domain.DataExport;
import ng.risiti.auth.dataexport.domain.DataExportStatus;

@ApplicationScoped
public class DataExportRepository implements PanacheRepositoryBase<DataExport, UUID> {

    public Uni<DataExport> findInTenant(UUID tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResult();
    }

    public Uni<DataExport> findProcessing(UUID tenantId) {
        return find("tenantId = ?1 and status = ?2", tenantId, DataExportStatus.PROCESSING).firstResult();
    }

    /** The row lock makes assembly and the timeout sweep take turns on one export. */
    public Uni<DataExport> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Who asked for the export (a user, removed or not), or null. */
    public Uni<User> requester(DataExport export) {
        return Panache.getSession().flatMap(db -> db.find(User.class, export.requestedBy));
    }

    /** Newest first: the tenant's recent exports. */
    public Uni<List<DataExport>> listRecent(UUID tenantId, int limit) {
        return find("tenantId = ?1 order by requestedAt desc, id desc", tenantId).range(0, limit - 1).list();
    }

    public Uni<List<UUID>> idsProcessingSince(OffsetDateTime before) {
        return find("status = ?1 and requestedAt < ?2", DataExportStatus.PROCESSING, before).project(IdOnly.class).list()
                .map(rows -> rows.stream().map(IdOnly::id).toList());
    }

    public Uni<List<UUID>> idsReadyExpiredAt(OffsetDateTime now) {
        return find("status = ?1 and expiresAt <= ?2", DataExportStatus.READY, now).project(IdOnly.class).list()
                .map(rows -> rows.stream().map(IdOnly::id).toList());
    }

    /** A projection: only the id is read. Registered for the native image, where projections are built reflectively. */
    @RegisterForReflection
    public record IdOnly(UUID id) {
    }
}
