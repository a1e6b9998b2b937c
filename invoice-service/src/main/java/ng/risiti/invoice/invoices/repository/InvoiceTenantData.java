package ng.risiti.invoice.invoices.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/**
 * invoice-service's part of a tenant's data export; deleted drafts too (with their deleted_at): the service still holds
 * them. Left out: each invoice's public token (it opens the invoice's
 * public page, a bearer secret), the tenant's private signing key, and the replicas of customers and tenant settings
 * (their owners export them). The platform takes one {@link TenantData} bean per service, so this one also names the
 * payments, sending, taxes, signing, journal, expenses and taxreports contexts' tables.
 */
@ApplicationScoped
public class InvoiceTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(
                new ExportedTable("invoices", """
                        select id, invoice_number, customer_id, customer_name, customer_tin, customer_email, lower(status) as status, currency,
                               issue_date, due_date, notes, subtotal_kobo, tax_total_kobo, total_kobo, amount_due_kobo, irn,
                               digital_signature, test_mode, finalized_at, firs_submitted_at, created_at, updated_at,
                               wht_rate_id, wht_percent, wht_kobo, deleted_at, voided_at, overdue_at
                        from invoices where tenant_id = ?1 order by id"""),
                new ExportedTable("invoice_lines", """
                        select l.id, l.invoice_id, l.position, l.description, l.quantity, l.unit_price_kobo, l.discount_percent,
                               l.tax_rate_id, l.tax_percent, l.net_kobo, l.tax_kobo, l.total_kobo
                        from invoice_lines l join invoices i on i.id = l.invoice_id
                        where i.tenant_id = ?1 order by l.invoice_id, l.position"""),
                new ExportedTable("payments", """
                        select id, invoice_id, amount_kobo, payment_means_code, reference, notes, paid_on, test_mode, created_at
                        from payments where tenant_id = ?1 order by id"""),
                new ExportedTable("invoice_deliveries", """
                        select id, invoice_id, lower(channel) as channel, recipient, message, lower(status) as status, attempts, last_error,
                               provider_message_id, test_mode, created_at, sent_at
                        from invoice_deliveries where tenant_id = ?1 order by id"""),
                new ExportedTable("tax_rates", """
                        select id, name, kind, percent, vat_category, test_mode, created_at, updated_at, deleted_at
                        from tax_rates where tenant_id = ?1 order by id"""),
                new ExportedTable("expenses", """
                        select id, expense_date, supplier, category, amount_kobo, vat_kobo, payment_means_code, reference, notes,
                               journal_entry_id, test_mode, created_at, updated_at, deleted_at
                        from expenses where tenant_id = ?1 order by id"""),
                new ExportedTable("journal_entries", """
                        select id, entry_date, source_type, source_id, invoice_id, expense_id, reverses_entry_id, memo, test_mode, created_at
                        from journal_entries where tenant_id = ?1 order by id"""),
                new ExportedTable("journal_lines", """
                        select l.entry_id, l.position, l.account_code, l.debit_kobo, l.credit_kobo
                        from journal_lines l join journal_entries e on e.id = l.entry_id
                        where e.tenant_id = ?1 order by l.entry_id, l.position"""),
                new ExportedTable("tax_reports", """
                        select id, kind, period_from, period_to, period_month, version, figures, test_mode, created_at
                        from tax_reports where tenant_id = ?1 order by id"""),
                // encode(..., 'base64') breaks lines every 76 characters (MIME); strict decoders refuse the newlines
                new ExportedTable("signing_keys", """
                        select kid, translate(encode(public_key, 'base64'), chr(10), '') as public_key_spki_base64, created_at
                        from tenant_signing_keys where tenant_id = ?1 order by kid"""));
    }
}
