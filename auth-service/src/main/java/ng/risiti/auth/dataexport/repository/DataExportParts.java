package ng.risiti.auth.dataexport.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the services sent for an export (chunks and their summaries) and the archive built from it. Inserts ignore
 * duplicates, so a redelivered chunk or summary changes nothing.
 */
@ApplicationScoped
public class DataExportParts {

    /** A service's answer as stored: {@code files} is the JSON list of {name, records, chunks}. */
    public record Contribution(String service, String files, int chunks, long records, String failure) {
    }

    private final Pool pool;

    public DataExportParts(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> addChunk(UUID exportId, String service, String file, int seq, String records) {
        return update("""
                insert into data_export_chunks (export_id, service, file, seq, records) values (?1, ?2, ?3, ?4, ?5)
                on conflict do nothing""", exportId, service, file, seq, records);
    }

    public Uni<Integer> addContribution(UUID exportId, Contribution contribution, OffsetDateTime now) {
        return update("""
                insert into data_export_contributions (export_id, service, files, chunks, records, failure, received_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as text), ?7) on conflict do nothing""",
                exportId, contribution.service(), contribution.files(), contribution.chunks(), contribution.records(),
                contribution.failure(), now);
    }

    @SuppressWarnings("unchecked")
    public Uni<List<Contribution>> contributions(UUID exportId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select service, files, chunks, records, failure from data_export_contributions
                        where export_id = ?1 order by service""", Object[].class)
                .setParameter(1, exportId).getResultList())
                .map(rows -> rows.stream().map(row -> new Contribution((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                        ((Number) row[3]).longValue(), (String) row[4])).toList());
    }

    public Uni<Long> chunkCount(UUID exportId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select count(*) from data_export_chunks where export_id = ?1", Long.class)
                .setParameter(1, exportId).getSingleResult());
    }

    public Uni<String> chunk(UUID exportId, String service, String file, int seq) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select records from data_export_chunks where export_id = ?1 and service = ?2 and file = ?3 and seq = ?4""",
                        String.class)
                .setParameter(1, exportId).setParameter(2, service).setParameter(3, file).setParameter(4, seq)
                .getSingleResultOrNull());
    }

    public Uni<Integer> addArchivePart(UUID exportId, int seq, byte[] bytes) {
        return update("insert into data_export_archive_parts (export_id, seq, bytes) values (?1, ?2, ?3)", exportId, seq, bytes);
    }

    /**
     * The stored archive, part after part, each read when the client is ready for it. Straight from the pool, not a
     * Hibernate session: a download outlives the request's session and never needs entities.
     */
    public Multi<byte[]> archive(UUID exportId) {
        return pool.preparedQuery("select count(*) from data_export_archive_parts where export_id = $1").execute(Tuple.of(exportId))
                .map(rows -> rows.iterator().next().getLong(0).intValue())
                .onItem().transformToMulti(count -> Multi.createFrom().range(0, count))
                .onItem().transformToUniAndConcatenate(seq -> pool
                        .preparedQuery("select bytes from data_export_archive_parts where export_id = $1 and seq = $2")
                        .execute(Tuple.of(exportId, seq))
                        .map(rows -> rows.iterator().next().getBuffer(0).getBytes()));
    }

    /** Once the archive is built (or the export failed) the chunks are no longer needed. */
    public Uni<Integer> deleteChunks(UUID exportId) {
        return update("delete from data_export_chunks where export_id = ?1", exportId);
    }

    public Uni<Integer> deleteArchive(UUID exportId) {
        return update("delete from data_export_archive_parts where export_id = ?1", exportId);
    }

    private static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }
}
