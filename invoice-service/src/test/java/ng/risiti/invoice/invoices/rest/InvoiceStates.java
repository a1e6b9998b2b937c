package ng.risiti.invoice.invoices.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import ng.risiti.testsupport.RisitiTestResources;

/**
 * Puts an invoice straight into a state no endpoint of this service reaches yet (sent, partially paid, paid: the send
 * and payment endpoints come with issue 12's other parts), as those endpoints will write it: status and amount due in
 * one UPDATE, which V7's trigger sees like any other.
 */
final class InvoiceStates {

    private InvoiceStates() {
    }

    static void set(String invoiceId, String status, long amountDueKobo) {
        try (Connection connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("invoice"));
                PreparedStatement update = connection.prepareStatement(
                        "update invoices set status = ?, amount_due_kobo = ?, version = version + 1 where id = ?")) {
            update.setString(1, status);
            update.setLong(2, amountDueKobo);
            update.setObject(3, UUID.fromString(invoiceId));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no invoice " + invoiceId);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
