package ng.risiti.invoice.invoices.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * NRS Invoice Reference Number: {@code {InvoiceNumber}-{ServiceID}-{YYYYMMDD}}, the invoice number stripped to
 * letters and digits, the tenant's 8-character NRS Service ID, and the issue date. NRS rejects any other shape.
 */
public record Irn(String value) {

    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{8}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public static Irn of(String invoiceNumber, String serviceId, LocalDate issueDate) {
        String number = invoiceNumber.replaceAll("[^A-Za-z0-9]", "");
        if (number.isEmpty()) {
            throw new IllegalArgumentException("invoice number has no letters or digits");
        }
        if (!SERVICE_ID.matcher(serviceId).matches()) {
            throw new IllegalArgumentException("NRS Service ID must be 8 letters or digits");
        }
        return new Irn(number + "-" + serviceId.toUpperCase() + "-" + issueDate.format(DATE));
    }

    @Override
    public String toString() {
        return value;
    }
}
