package ng.risiti.platform.export;

import java.util.Objects;

/**
 * One file of a service's data export: {@code query} selects the tenant's rows ({@code ?1} is the tenant id) with an
 * {@code order by} that makes paging stable; each row becomes a JSON object keyed by its column names.
 */
public record ExportedTable(String file, String query) {

    public ExportedTable {
        Objects.requireNonNull(file, "file");
        if (!file.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("export file names are snake_case: " + file);
        }
        if (!query.contains("?1") || !query.toLowerCase().contains("order by")) {
            throw new IllegalArgumentException("export query for " + file + " must filter by ?1 (tenant id) and order its rows");
        }
    }
}
