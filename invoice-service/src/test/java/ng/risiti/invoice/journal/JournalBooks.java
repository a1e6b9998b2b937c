package ng.risiti.invoice.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import ng.risiti.invoice.InvoiceTestFixtures;
import org.awaitility.Awaitility;

/** A tenant's books as the API shows them: journal entries and the trial balance, awaited while the journal catches up. */
public final class JournalBooks {

    private final InvoiceTestFixtures tenant;

    public JournalBooks(InvoiceTestFixtures tenant) {
        this.tenant = tenant;
    }

    /** Every entry of the tenant (all pages), newest first. */
    public List<Map<String, Object>> entries(String query) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = tenant.owner().get("/api/v1/journal?limit=100" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("data"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return all;
    }

    /** The entries of one source type for one invoice, once {@code until} holds for them. */
    public List<Map<String, Object>> awaitEntries(String source, String invoiceId, Predicate<List<Map<String, Object>>> until) {
        List<List<Map<String, Object>>> found = new java.util.ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> entries = entries("source=" + source).stream().filter(entry -> invoiceId.equals(entry.get("invoice_id"))).toList();
            found.set(0, entries);
            return until.test(entries);
        });
        return found.getFirst();
    }

    /** The one entry of a source type for an invoice. */
    public Map<String, Object> awaitEntry(String source, String invoiceId) {
        return awaitEntries(source, invoiceId, entries -> entries.size() == 1).getFirst();
    }

    /** An entry's lines as account code → signed kobo (debits positive, credits negative). */
    @SuppressWarnings("unchecked")
    public static Map<String, Long> lines(Map<String, Object> entry) {
        Map<String, Long> lines = new HashMap<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) entry.get("lines")) {
            long signed = ((Number) line.get("debit_kobo")).longValue() - ((Number) line.get("credit_kobo")).longValue();
            lines.merge((String) line.get("account_code"), signed, Long::sum);
        }
        assertThat(lines.values().stream().mapToLong(Long::longValue).sum()).as("entry %s balances", entry.get("id")).isZero();
        return lines;
    }

    /** The trial balance's balance per account code (debits positive), after checking its totals sum to zero. */
    public Map<String, Long> trialBalance(String query) {
        JsonPath balance = tenant.owner().get("/api/v1/reports/trial-balance" + query).then().statusCode(200).extract().jsonPath();
        assertThat(balance.getLong("data.totals.balance_kobo")).isZero();
        assertThat(balance.getLong("data.totals.debit_kobo")).isEqualTo(balance.getLong("data.totals.credit_kobo"));
        Map<String, Long> accounts = new HashMap<>();
        for (Map<String, Object> row : balance.<Map<String, Object>>getList("data.accounts")) {
            accounts.put((String) row.get("code"), ((Number) row.get("balance_kobo")).longValue());
        }
        return accounts;
    }

    /** The sum of amount due over the tenant's issued invoices (live), from the database: what Trade Debtors must hold. */
    public long amountDue() throws java.sql.SQLException {
        return InvoiceTestFixtures.count("select coalesce(sum(amount_due_kobo), 0) from invoices where tenant_id = ? and not test_mode"
                + " and type = 'INVOICE' and status in ('FINALIZED', 'SENT', 'PARTIAL', 'PAID')", tenant.tenantId);
    }

    /** Waits until Trade Debtors equals the amount due of the tenant's invoices and returns the trial balance then. */
    public Map<String, Long> awaitDebtorsEqualAmountDue() {
        List<Map<String, Long>> last = new java.util.ArrayList<>(List.of(Map.of()));
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Map<String, Long> balance = trialBalance("");
            last.set(0, balance);
            return balance.getOrDefault("1100", 0L) == amountDue();
        });
        return last.getFirst();
    }
}
