package ng.risiti.invoice.sending.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.tenants.domain.KnownTenant;

/**
 * What every channel tells the customer about an invoice, as it stands when the delivery goes out (a payment recorded
 * meanwhile shows in the amount due). The business is the supplier as the invoice was finalized, else the tenant now.
 */
public record InvoiceNotice(String businessName, String businessEmail, String customerName, String invoiceNumber, String currency,
        Kobo amountDue, Kobo total, LocalDate dueDate, String viewUrl) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public static InvoiceNotice of(Invoice invoice, KnownTenant tenant, String viewUrl) {
        String business = invoice.supplierName != null ? invoice.supplierName : tenant.name;
        String email = invoice.supplierEmail != null ? invoice.supplierEmail : tenant.contactEmail;
        return new InvoiceNotice(business, email, invoice.customerName, invoice.invoiceNumber, invoice.currency, invoice.amountDue,
                invoice.total, invoice.dueDate, viewUrl);
    }

    public boolean paid() {
        return amountDue.value() == 0;
    }

    /** {@code NGN 376,250.00}. */
    public String amountDueText() {
        return money(amountDue);
    }

    public String totalText() {
        return money(total);
    }

    /** {@code 23 April 2026}. */
    public String dueDateText() {
        return DAY.format(dueDate);
    }

    private String money(Kobo amount) {
        return currency + " " + String.format(Locale.ROOT, "%,.2f", new BigDecimal(amount.toNairaString()));
    }
}
