package ng.risiti.auth.dataexport.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * processing → ready (every service answered and the archive is built) or failed (a service could not export, or
 * did not answer in time); ready → expired when the download link's 24 hours are over and the archive is deleted.
 */
public enum DataExportStatus {
    PROCESSING, READY, FAILED, EXPIRED;

    public String wireName() {
        return name().toLowerCase();
    }

    /** Stored by wire name, as the API shows it. */
    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<DataExportStatus, String> {

        @Override
        public String convertToDatabaseColumn(DataExportStatus status) {
            return status == null ? null : status.wireName();
        }

        @Override
        public DataExportStatus convertToEntityAttribute(String value) {
            return value == null ? null : DataExportStatus.valueOf(value.toUpperCase());
        }
    }
}
