package ng.risiti.invoice.journal.domain;

import java.util.Arrays;
import java.util.Optional;

/** What an entry records; with the source's id it is the entry's idempotency key (one entry per source). */
public enum SourceType {
    INVOICE_FINALIZED("invoice_finalized"),
    PAYMENT("payment"),
    VOID("void"),
    CREDIT_NOTE("credit_note"),
    EXPENSE("expense");

    private final String wireName;

    SourceType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SourceType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(SourceType::wireName).toList());
    }
}
