package ng.risiti.invoice.paypage.rest;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import ng.risiti.invoice.invoices.domain.Invoice;
import ng.risiti.invoice.invoices.domain.InvoiceLine;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.paypage.service.PayPages;

/**
 * The pay page's HTML, rendered on the server: one small stylesheet inline, no scripts at all (the seed allows
 * Paystack's only, and its hosted checkout is where the card is taken), readable on a phone. Every value from the
 * invoice is escaped.
 */
final class PayPageHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2430}
            main{max-width:40rem;margin:0 auto;padding:1rem}
            .card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            h1{font-size:1.35rem;margin:.2rem 0 1rem}.muted{color:#5b6575;font-size:.9rem}
            table{width:100%;border-collapse:collapse;font-size:.95rem}td,th{padding:.45rem .2rem;text-align:left;border-bottom:1px solid #eceef2}
            td.n,th.n{text-align:right;white-space:nowrap}.due{font-size:1.2rem;font-weight:700}
            button{width:100%;margin-top:1.25rem;padding:.9rem;font-size:1.05rem;border:0;border-radius:8px;background:#0b7a4b;color:#fff;cursor:pointer}
            .ok{color:#0b7a4b}""";

    private PayPageHtml() {
    }

    static String invoice(PayPages.Page page) {
        Invoice invoice = page.invoice();
        StringBuilder lines = new StringBuilder();
        for (InvoiceLine line : invoice.lines) {
            lines.append("<tr><td>").append(escape(line.description)).append("</td><td class=\"n\">")
                    .append(line.quantity.stripTrailingZeros().toPlainString()).append("</td><td class=\"n\">").append(money(invoice, line.total))
                    .append("</td></tr>");
        }
        String action;
        if (page.paid()) {
            action = "<p class=\"ok due\">Paid in full. Thank you.</p>";
        } else if (page.payableHere()) {
            action = "<form method=\"post\" action=\"/p/" + invoice.publicToken + "/pay\"><button type=\"submit\" id=\"pay\">Pay "
                    + money(invoice, invoice.amountDue) + "</button></form><p class=\"muted\">You will pay securely on Paystack's page.</p>";
        } else {
            action = "<p class=\"muted\">This invoice cannot be paid online; please contact " + escape(page.businessName()) + ".</p>";
        }
        String body = "<p class=\"muted\">" + escape(page.businessName()) + "</p>"
                + "<h1>Invoice " + escape(invoice.invoiceNumber) + "</h1>"
                + "<p class=\"muted\">Billed to " + escape(invoice.customerName) + " &middot; issued " + day(invoice.issueDate)
                + (invoice.dueDate == null ? "" : " &middot; due " + day(invoice.dueDate)) + "</p>"
                + "<table><thead><tr><th>Item</th><th class=\"n\">Qty</th><th class=\"n\">Amount</th></tr></thead><tbody>" + lines
                + "</tbody></table><table>"
                + row("Subtotal", money(invoice, invoice.subtotal)) + row("Tax", money(invoice, invoice.taxTotal))
                + row("Total", money(invoice, invoice.total))
                + "<tr><td class=\"due\">Amount due</td><td class=\"n due\" id=\"amount-due\">" + money(invoice, invoice.amountDue) + "</td></tr>"
                + "</table>" + action;
        return document("Invoice " + invoice.invoiceNumber + " from " + page.businessName(), body, false);
    }

    static String thanks(PayPages.Page page) {
        Invoice invoice = page.invoice();
        if (page.paid()) {
            return document("Payment received", "<p class=\"muted\">" + escape(page.businessName()) + "</p><h1 class=\"ok\" id=\"thanks\">"
                    + "Thank you: invoice " + escape(invoice.invoiceNumber) + " is paid.</h1><p>Your payment is recorded with "
                    + escape(page.businessName()) + ". You may close this page.</p>", false);
        }
        // Paystack's confirmation reaches us moments after the payer returns: the page looks again by itself, without scripts
        return document("Confirming your payment", "<p class=\"muted\">" + escape(page.businessName()) + "</p><h1 id=\"confirming\">"
                + "Thank you. We are confirming your payment for invoice " + escape(invoice.invoiceNumber) + "...</h1>"
                + "<p class=\"muted\">This page refreshes by itself. Amount still due: " + money(invoice, invoice.amountDue) + "</p>", true);
    }

    static String notFound() {
        return document("Payment page not found", "<h1>This payment page does not exist</h1><p>The link may be mistyped, or the invoice"
                + " is no longer payable. Please ask the business that sent it for a new link.</p>", false);
    }

    static String unavailable() {
        return document("Payments unavailable", "<h1>Payments are unavailable right now</h1><p>Nothing was charged. Please go back and"
                + " try again in a few minutes.</p>", false);
    }

    private static String document(String title, String body, boolean refresh) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"3\">" : "")
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body><main>"
                + "<div class=\"card\">" + body + "</div><p class=\"muted\">Powered by Risiti</p></main></body></html>";
    }

    private static String row(String label, String value) {
        return "<tr><td>" + label + "</td><td class=\"n\">" + value + "</td></tr>";
    }

    private static String money(Invoice invoice, Kobo amount) {
        BigDecimal naira = new BigDecimal(amount.toNairaString());
        return escape(invoice.currency) + " " + String.format(Locale.UK, "%,.2f", naira);
    }

    private static String day(java.time.LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
