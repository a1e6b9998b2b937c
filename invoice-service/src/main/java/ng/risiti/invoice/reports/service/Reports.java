package ng.risiti.invoice.reports.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import ng.risiti.invoice.expenses.domain.ExpenseCategory;
import ng.risiti.invoice.invoices.domain.Kobo;
import ng.risiti.invoice.journal.domain.Account;
import ng.risiti.invoice.journal.domain.AccountBalance;
import ng.risiti.invoice.journal.domain.CashMovement;
import ng.risiti.invoice.journal.domain.SourceType;
import ng.risiti.invoice.journal.service.Journal;
import ng.risiti.invoice.reports.domain.AgeingBuckets;
import ng.risiti.invoice.reports.domain.CashFlow;
import ng.risiti.invoice.reports.domain.Interval;
import ng.risiti.invoice.reports.domain.OpenReceivable;
import ng.risiti.invoice.reports.domain.ProfitAndLoss;
import ng.risiti.invoice.reports.domain.ReceivablesAgeing;
import ng.risiti.invoice.reports.domain.ReportPeriod;
import ng.risiti.invoice.reports.domain.TaxSummary;
import ng.risiti.invoice.reports.repository.ReceivablesRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.security.Caller;

/**
 * The reports (docs/specification.md, Reports), read from the journal's movements in the caller's tenancy, except the
 * ageing, which needs each open invoice's due date.
 */
@ApplicationScoped
public class Reports {

    /** A cash flow of more periods than this is refused: a daily report over years would be megabytes. */
    static final int MAX_PERIODS = 1000;
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    private final Journal journal;
    private final ReceivablesRepository receivables;
    private final Clock clock;

    public Reports(Journal journal, ReceivablesRepository receivables, Clock clock) {
        this.journal = journal;
        this.receivables = receivables;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LAGOS));
    }

    public Uni<ProfitAndLoss> profitAndLoss(Caller caller, ReportPeriod period) {
        return journal.movements(caller, period.from(), period.to()).map(movements -> {
            Map<Account, AccountBalance> byAccount = byAccount(movements);
            List<ProfitAndLoss.CategoryAmount> expenses = new ArrayList<>();
            for (ExpenseCategory category : ExpenseCategory.values()) {
                AccountBalance moved = byAccount.get(category.account());
                if (moved != null && moved.balance().value() != 0) {
                    expenses.add(new ProfitAndLoss.CategoryAmount(category, moved.balance()));
                }
            }
            return new ProfitAndLoss(period, credit(byAccount, Account.REVENUE), expenses);
        });
    }

    public Uni<CashFlow> cashFlow(Caller caller, ReportPeriod period, Interval interval) {
        if (period.from() != null && period.to() != null && interval.periods(period.from(), period.to()) > MAX_PERIODS) {
            throw ApiException.validation("interval", "from to to spans more than " + MAX_PERIODS + " " + interval.wireName()
                    + "s: choose a longer interval or a shorter range");
        }
        return journal.cashMovements(caller, period.from(), period.to(), interval.wireName()).map(movements -> {
            TreeMap<LocalDate, Kobo[]> flows = new TreeMap<>();
            for (CashMovement movement : movements) {
                Kobo[] flow = flows.computeIfAbsent(movement.period(), ignored -> new Kobo[] {Kobo.ZERO, Kobo.ZERO});
                // payments bring money in; expenses (and their reversals, which bring it back) take it out
                if (movement.source() == SourceType.EXPENSE) {
                    flow[1] = flow[1].minus(movement.net());
                } else {
                    flow[0] = flow[0].plus(movement.net());
                }
            }
            LocalDate first = period.from() != null ? interval.start(period.from()) : flows.isEmpty() ? null : flows.firstKey();
            LocalDate last = period.to() != null ? interval.start(period.to()) : flows.isEmpty() ? null : flows.lastKey();
            if (first != null && last != null && interval.periods(first, last) > MAX_PERIODS) {
                throw ApiException.validation("interval", "the books span more than " + MAX_PERIODS + " " + interval.wireName()
                        + "s: give from and to, or choose a longer interval");
            }
            List<CashFlow.Bucket> buckets = new ArrayList<>();
            for (LocalDate start = first; start != null && !start.isAfter(last); start = interval.next(start)) {
                Kobo[] flow = flows.getOrDefault(start, new Kobo[] {Kobo.ZERO, Kobo.ZERO});
                LocalDate end = interval.next(start).minusDays(1);
                buckets.add(new CashFlow.Bucket(later(start, period.from()), earlier(end, period.to()), flow[0], flow[1]));
            }
            return new CashFlow(period, interval, buckets);
        });
    }

    /** Open invoices aged on {@code asOf} (today in Lagos when null), issued from {@code from} to {@code to}. */
    public Uni<ReceivablesAgeing> receivablesAgeing(Caller caller, ReportPeriod period, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : today();
        return Panache.withSession(() -> receivables.open(caller.tenancy(), period.from(), period.to())).map(open -> {
            Map<UUID, List<OpenReceivable>> byCustomer = new LinkedHashMap<>();
            open.forEach(invoice -> byCustomer.computeIfAbsent(invoice.customerId(), ignored -> new ArrayList<>()).add(invoice));
            List<ReceivablesAgeing.CustomerAgeing> customers = new ArrayList<>();
            byCustomer.forEach((customerId, invoices) -> {
                AgeingBuckets buckets = AgeingBuckets.EMPTY;
                for (OpenReceivable invoice : invoices) {
                    buckets = buckets.add(ChronoUnit.DAYS.between(invoice.dueDate(), day), invoice.amountDue());
                }
                customers.add(new ReceivablesAgeing.CustomerAgeing(customerId, invoices.getFirst().customerName(), invoices.size(), buckets));
            });
            customers.sort(Comparator.comparing((ReceivablesAgeing.CustomerAgeing customer) -> customer.buckets().total()).reversed()
                    .thenComparing(customer -> customer.customerId()));
            return new ReceivablesAgeing(day, period, customers);
        });
    }

    public Uni<TaxSummary> taxSummary(Caller caller, ReportPeriod period) {
        return journal.movements(caller, period.from(), period.to()).map(movements -> {
            Map<Account, AccountBalance> byAccount = byAccount(movements);
            Kobo provision = credit(byAccount, Account.VAT_PROVISION);
            Kobo due = credit(byAccount, Account.VAT_PAYABLE);
            return new TaxSummary(period, provision.plus(due), due, provision, debit(byAccount, Account.INPUT_VAT), debit(byAccount, Account.WHT_RECEIVABLE));
        });
    }

    private static Map<Account, AccountBalance> byAccount(List<AccountBalance> movements) {
        Map<Account, AccountBalance> byAccount = new EnumMap<>(Account.class);
        movements.forEach(movement -> byAccount.put(movement.account(), movement));
        return byAccount;
    }

    /** An account's movement as debits less credits (zero when it did not move). */
    private static Kobo debit(Map<Account, AccountBalance> byAccount, Account account) {
        AccountBalance moved = byAccount.get(account);
        return moved == null ? Kobo.ZERO : moved.balance();
    }

    /** An account's movement as credits less debits. */
    private static Kobo credit(Map<Account, AccountBalance> byAccount, Account account) {
        return Kobo.ZERO.minus(debit(byAccount, account));
    }

    private static LocalDate later(LocalDate day, LocalDate bound) {
        return bound != null && bound.isAfter(day) ? bound : day;
    }

    private static LocalDate earlier(LocalDate day, LocalDate bound) {
        return bound != null && bound.isBefore(day) ? bound : day;
    }
}
