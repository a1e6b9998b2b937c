package ng.risiti.nrs.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An NRS Invoice Reference Number: {@code {InvoiceNumber}-{ServiceID}-{YYYYMMDD}}, the invoice number
 * alphanumeric, the Service ID eight alphanumerics issued by NRS, the date a real calendar date.
 */
public record Irn(String invoiceNumber, String serviceId, LocalDate date) {

    private static final Pattern FORMAT = Pattern.compile("^([A-Za-z0-9]+)-([A-Za-z0-9]{8})-(\\d{8})$");

    public static Optional<Irn> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            // BASIC_ISO_DATE is strict about month/day ranges, so 20250231 is refused.
            LocalDate date = LocalDate.parse(m.group(3), DateTimeFormatter.BASIC_ISO_DATE);
            return Optional.of(new Irn(m.group(1), m.group(2), date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String value() {
        return invoiceNumber + "-" + serviceId + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
