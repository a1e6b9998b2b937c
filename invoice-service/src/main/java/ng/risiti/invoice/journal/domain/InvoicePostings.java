package ng.risiti.invoice.journal.domain;

import java.math.RoundingMode;
import ng.risiti.invoice.invoices.domain.Kobo;

/**
 * The debits and credits each invoice event posts (docs/specification.md, Journal). Amounts come from the event and
 * from the invoice's open balances in the journal; every posting balances by construction.
 */
public final class InvoicePostings {

    private InvoicePostings() {
    }

    /** Finalize: the customer owes the total; the net is earned, the VAT provisioned until it is paid. */
    public static Posting finalized(Kobo total, Kobo net, Kobo vat) {
        return new Posting().debit(Account.TRADE_DEBTORS, total).credit(Account.REVENUE, net).credit(Account.VAT_PROVISION, vat);
    }

    /**
     * A payment: the money in the bank (or the till) and what the payer withheld as WHT (receivable from the tax
     * authority) come off the debtors, and the paid share of the invoice's VAT provision becomes payable: the provision
     * still open × what the payment settled / what was due before it, half-up to the kobo; a payment that leaves nothing
     * due moves all that is left, so a fully paid invoice moves exactly its VAT.
     */
    public static Posting payment(boolean cash, Kobo amount, Kobo withheld, Kobo amountDueAfter, OpenBalances open) {
        Kobo settled = amount.plus(withheld);
        Kobo provision = positive(open.vatProvision());
        Kobo moved;
        if (amountDueAfter.value() == 0) {
            moved = provision;
        } else {
            Kobo dueBefore = settled.plus(amountDueAfter);
            moved = min(provision, share(provision, settled, dueBefore));
        }
        return new Posting().debit(cash ? Account.CASH : Account.BANK, amount).debit(Account.WHT_RECEIVABLE, withheld)
                .credit(Account.TRADE_DEBTORS, settled).debit(Account.VAT_PROVISION, moved).credit(Account.VAT_PAYABLE, moved);
    }

    /** A void: what is still open is reversed; the part already paid stays earned, its VAT payable. */
    public static Posting voided(OpenBalances open) {
        Kobo debtors = positive(open.debtors());
        Kobo provision = min(positive(open.vatProvision()), debtors);
        return new Posting().credit(Account.TRADE_DEBTORS, debtors).debit(Account.VAT_PROVISION, provision)
                .debit(Account.REVENUE, debtors.minus(provision));
    }

    /**
     * A credit note: its net comes off revenue and its VAT off output VAT. The part of it that meets the invoice's
     * amount due comes off the debtors, with the matching share of its VAT from the provision (what the provision
     * cannot cover was already payable); the part beyond (the customer had paid it) becomes the customer's credit, its
     * VAT share off VAT Payable. A credit note that settles the invoice moves what provision is left to payable: that
     * VAT is on money received.
     */
    public static Posting creditNote(Kobo net, Kobo vat, OpenBalances open) {
        Kobo total = net.plus(vat);
        Kobo debtors = positive(open.debtors());
        Kobo provision = positive(open.vatProvision());
        Kobo againstDebtors = min(total, debtors);
        Kobo excess = total.minus(againstDebtors);
        Kobo vatOnExcess = total.value() == 0 ? Kobo.ZERO : share(vat, excess, total);
        Kobo vatOnDebtors = vat.minus(vatOnExcess);
        Kobo fromProvision = min(vatOnDebtors, provision);
        Kobo fromPayable = vat.minus(fromProvision);
        Posting posting = new Posting().debit(Account.REVENUE, net).debit(Account.VAT_PROVISION, fromProvision)
                .debit(Account.VAT_PAYABLE, fromPayable).credit(Account.TRADE_DEBTORS, againstDebtors).credit(Account.CUSTOMER_CREDIT, excess);
        Kobo provisionLeft = provision.minus(fromProvision);
        if (againstDebtors.equals(debtors) && provisionLeft.value() > 0) {
            posting.debit(Account.VAT_PROVISION, provisionLeft).credit(Account.VAT_PAYABLE, provisionLeft);
        }
        return posting;
    }

    /** {@code of} × {@code part} / {@code whole}, half-up to the kobo. */
    static Kobo share(Kobo of, Kobo part, Kobo whole) {
        if (whole.value() == 0) {
            return Kobo.ZERO;
        }
        return Kobo.of(of.asKoboDecimal().multiply(part.asKoboDecimal()).divide(whole.asKoboDecimal(), 0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    private static Kobo positive(Kobo value) {
        return value.value() > 0 ? value : Kobo.ZERO;
    }

    private static Kobo min(Kobo a, Kobo b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
