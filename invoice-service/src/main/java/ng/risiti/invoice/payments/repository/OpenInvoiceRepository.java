package ng.risiti.invoice.payments.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.payments.domain.OpenInvoice;
import ng.risiti.platform.persistence.SessionSql;
import ng.risiti.platform.security.Tenancy;

/**
 * The tenant's invoices that can still take a payment (finalized, sent, partial), found the ways reconciliation looks
 * for the invoice a bank transfer pays. At most {@code limit} of them: beyond a handful, a match is ambiguous anyway.
 */
@ApplicationScoped
public class OpenInvoiceRepository {

    private static final String OPEN = """
            select id, invoice_number, amount_due_kobo from invoices
            where tenant_id = $1 and test_mode = $2 and type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL')""";

    /**
     * Open invoices whose number appears in the reference, both compared in capitals without separators
     * ({@code trf/inv2026001} names {@code INV-2026-001}). A number must not run on into more digits
     * ({@code INV2026001} is not in {@code INV20260012}), nor, if it starts with one, follow a digit.
     *
     * @param reference the transfer's reference in capitals, letters and digits only
     */
    public Uni<List<OpenInvoice>> numberedIn(Tenancy tenancy, String reference, int limit) {
        return SessionSql.rows(OPEN + """
                         and regexp_replace(invoice_number, '[^A-Za-z0-9]', '', 'g') <> ''
                         and $3 ~ ((case when invoice_number ~ '^[^A-Za-z0-9]*[0-9]' then '(^|[^0-9])' else '' end)
                                   || upper(regexp_replace(invoice_number, '[^A-Za-z0-9]', '', 'g')) || '($|[^0-9])')
                        order by id limit $4""", tenancy.tenantId(), tenancy.test(), reference, limit)
                .map(OpenInvoiceRepository::invoices);
    }

    /** Open invoices with exactly this amount due. */
    public Uni<List<OpenInvoice>> owing(Tenancy tenancy, Kobo amountDue, int limit) {
        return SessionSql.rows(OPEN + " and amount_due_kobo = $3 order by id limit $4", tenancy.tenantId(), tenancy.test(),
                amountDue.value(), limit).map(OpenInvoiceRepository::invoices);
    }

    private static List<OpenInvoice> invoices(List<Object[]> rows) {
        return rows.stream().map(row -> new OpenInvoice((UUID) row[0], (String) row[1], Kobo.of(((Number) row[2]).longValue()))).toList();
    }
}
