package ng.risiti.paystack.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's transactions and customers, in memory: a restart forgets them, as a fresh test account would. */
final class Ledger {

    enum Status { PENDING, SUCCESS, FAILED }

    /** One transaction as initialize created it; {@code status} and what a payment adds change when it is paid. */
    static final class Transaction {
        final long id;
        final String reference;
        final String accessCode;
        final String email;
        final long amount;
        final String currency;
        final String callbackUrl;
        final Object metadata;
        final String plan;
        final Instant createdAt;
        volatile Status status = Status.PENDING;
        volatile Instant paidAt;
        volatile String authorizationCode;
        /** Made by charge_authorization, not by a checkout. */
        volatile boolean chargedAgain;

        Transaction(long id, String reference, String accessCode, String email, long amount, String currency, String callbackUrl,
                Object metadata, String plan, Instant createdAt) {
            this.id = id;
            this.reference = reference;
            this.accessCode = accessCode;
            this.email = email;
            this.amount = amount;
            this.currency = currency;
            this.callbackUrl = callbackUrl;
            this.metadata = metadata;
            this.plan = plan;
            this.createdAt = createdAt;
        }
    }

    record Customer(long id, String email, String code) {
    }

    private final Map<String, Transaction> byReference = new ConcurrentHashMap<>();
    private final Map<String, Transaction> byAccessCode = new ConcurrentHashMap<>();
    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(4_099_260_000L);

    /** Null when the reference is taken: Paystack refuses a duplicate reference. */
    synchronized Transaction open(String reference, String email, long amount, String currency, String callbackUrl, Object metadata,
            String plan) {
        if (byReference.containsKey(reference)) {
            return null;
        }
        long id = ids.incrementAndGet();
        Transaction t = new Transaction(id, reference, code(10), email, amount, currency, callbackUrl, metadata, plan,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        byReference.put(reference, t);
        byAccessCode.put(t.accessCode, t);
        customer(email);
        return t;
    }

    /** The authorization a successful payment saved, or null: what {@code charge_authorization} may charge again. */
    synchronized Transaction authorizedBy(String authorizationCode) {
        return byReference.values().stream().filter(t -> !t.chargedAgain && authorizationCode.equals(t.authorizationCode)).findFirst()
                .orElse(null);
    }

    /**
     * A charge of a saved authorization, settled at once ({@code charge_authorization}); null when the reference is
     * taken, as Paystack refuses a duplicate reference: a retried renewal can never charge twice.
     */
    synchronized Transaction charge(String reference, String authorizationCode, String email, long amount, String currency, Object metadata,
            boolean success) {
        if (byReference.containsKey(reference)) {
            return null;
        }
        Transaction t = new Transaction(ids.incrementAndGet(), reference, code(10), email, amount, currency, null, metadata, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        t.status = success ? Status.SUCCESS : Status.FAILED;
        t.authorizationCode = authorizationCode;
        t.chargedAgain = true;
        if (success) {
            t.paidAt = t.createdAt;
        }
        byReference.put(reference, t);
        byAccessCode.put(t.accessCode, t);
        return t;
    }

    /** How many charges of an authorization were attempted (a renewal test counts them). */
    synchronized long chargesOf(String authorizationCode) {
        return byReference.values().stream().filter(t -> t.chargedAgain && authorizationCode.equals(t.authorizationCode)).count();
    }

    Transaction byReference(String reference) {
        return byReference.get(reference);
    }

    Transaction byAccessCode(String accessCode) {
        return byAccessCode.get(accessCode);
    }

    /** Settles a pending transaction; false if it was settled before (a checkout opened twice pays once). */
    synchronized boolean settle(Transaction t, boolean success) {
        if (t.status != Status.PENDING) {
            return false;
        }
        t.status = success ? Status.SUCCESS : Status.FAILED;
        if (success) {
            t.paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            t.authorizationCode = "AUTH_" + code(10);
        }
        return true;
    }

    Customer customer(String email) {
        return customers.computeIfAbsent(email.toLowerCase(), key -> new Customer(ids.incrementAndGet(), key, "CUS_" + code(15)));
    }

    void reset() {
        byReference.clear();
        byAccessCode.clear();
        customers.clear();
    }

    static String code(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** The transaction as Paystack shows it in verify answers and in {@code charge.success} data. */
    Map<String, Object> view(Transaction t) {
        Customer customer = customer(t.email);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", t.id);
        data.put("domain", "test");
        data.put("status", switch (t.status) {
            case PENDING -> "abandoned";
            case SUCCESS -> "success";
            case FAILED -> "failed";
        });
        data.put("reference", t.reference);
        data.put("receipt_number", null);
        data.put("amount", t.amount);
        data.put("message", null);
        data.put("gateway_response", switch (t.status) {
            case PENDING -> "The transaction was not completed";
            case SUCCESS -> "Successful";
            case FAILED -> "Declined";
        });
        data.put("paid_at", t.paidAt == null ? null : t.paidAt.toString());
        data.put("created_at", t.createdAt.toString());
        data.put("channel", "card");
        data.put("currency", t.currency);
        data.put("ip_address", "127.0.0.1");
        data.put("metadata", t.metadata == null ? "" : t.metadata);
        data.put("fees", t.status == Status.SUCCESS ? fees(t.amount) : null);
        data.put("customer", customerView(customer));
        data.put("authorization", t.authorizationCode == null ? Map.of() : authorization(t));
        data.put("plan", t.plan == null ? null : t.plan);
        data.put("requested_amount", t.amount);
        return data;
    }

    Map<String, Object> customerView(Customer customer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", customer.id());
        view.put("first_name", null);
        view.put("last_name", null);
        view.put("email", customer.email());
        view.put("customer_code", customer.code());
        view.put("phone", null);
        view.put("metadata", null);
        view.put("risk_action", "default");
        return view;
    }

    Map<String, Object> authorization(Transaction t) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("authorization_code", t.authorizationCode);
        view.put("bin", "408408");
        view.put("last4", "4081");
        view.put("exp_month", "12");
        view.put("exp_year", "2030");
        view.put("channel", "card");
        view.put("card_type", "visa ");
        view.put("bank", "TEST BANK");
        view.put("country_code", "NG");
        view.put("brand", "visa");
        view.put("reusable", true);
        view.put("signature", "SIG_" + t.authorizationCode.substring(5));
        view.put("account_name", null);
        return view;
    }

    /** Paystack's local card fee: 1.5% + NGN 100 above NGN 2,500, capped at NGN 2,000 (in kobo). */
    static long fees(long amount) {
        long fee = amount * 15 / 1000 + (amount >= 250_000 ? 10_000 : 0);
        return Math.min(fee, 200_000);
    }
}
