package ng.risiti.invoice.taxes.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.invoice.taxes.repository.TaxRateRepository;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.FieldError;
import ng.risiti.platform.error.UniqueViolation;
import ng.risiti.platform.pagination.PageRequest;
import ng.risiti.platform.request.UuidV7;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;

/**
 * Tax rates: which rate prices each invoice line (one the tenant may use, VAT only, the standard VAT where a line
 * names none), and a tenant's own rates (docs/specification.md, Tax rates). System rates are immutable (422); another
 * tenant's or world's rate is 404.
 */
@ApplicationScoped
public class TaxRateService {

    private final TaxRateRepository taxRates;
    private final Clock clock;

    public TaxRateService(TaxRateRepository taxRates, Clock clock) {
        this.taxRates = taxRates;
        this.clock = clock;
    }

    /**
     * The rate of each line, in line order, given the rate id each line names (null: none). Runs in the caller's
     * transaction; a rate that is not the tenant's (in its world) or the system's, or is not VAT, is 400
     * VALIDATION_ERROR on {@code line_items.<i>.tax_rate_id}, every bad line named.
     */
    public Uni<List<TaxRate>> ofLines(Tenancy tenancy, List<UUID> lineRateIds) {
        Set<UUID> ids = new HashSet<>();
        lineRateIds.forEach(id -> ids.add(id != null ? id : TaxRate.STANDARD_VAT));
        return taxRates.usableBy(tenancy, ids).map(found -> {
            Map<UUID, TaxRate> byId = found.stream().collect(Collectors.toMap(rate -> rate.id, Function.identity()));
            List<FieldError> problems = new ArrayList<>();
            for (int i = 0; i < lineRateIds.size(); i++) {
                UUID rateId = lineRateIds.get(i);
                if (rateId == null) {
                    continue;
                }
                TaxRate rate = byId.get(rateId);
                if (rate == null) {
                    problems.add(new FieldError("line_items." + i + ".tax_rate_id", "tax_rate_id does not name a tax rate of this business"));
                } else if (rate.kind != TaxRate.Kind.VAT) {
                    problems.add(new FieldError("line_items." + i + ".tax_rate_id", "tax_rate_id must be a VAT rate; WHT is deducted by the payer"));
                }
            }
            if (!problems.isEmpty()) {
                throw ApiException.validation(problems);
            }
            return lineRateIds.stream().map(id -> byId.get(id != null ? id : TaxRate.STANDARD_VAT)).toList();
        });
    }

    /**
     * The withholding tax rate an invoice names (null: none, answered as a null item). Runs in the caller's session; a
     * rate that is not the tenant's or the system's, or is not WHT, is 400 VALIDATION_ERROR on {@code wht_rate_id}.
     */
    public Uni<TaxRate> whtRate(Tenancy tenancy, UUID rateId) {
        if (rateId == null) {
            return Uni.createFrom().nullItem();
        }
        return taxRates.usableBy(tenancy, Set.of(rateId)).map(found -> {
            if (found.isEmpty()) {
                throw ApiException.validation("wht_rate_id", "wht_rate_id does not name a tax rate of this business");
            }
            TaxRate rate = found.getFirst();
            if (rate.kind != TaxRate.Kind.WHT) {
                throw ApiException.validation("wht_rate_id", "wht_rate_id must be a WHT rate; VAT rates belong on the lines (tax_rate_id)");
            }
            return rate;
        });
    }
    public Uni<List<TaxRate>> page(Caller caller, TaxRate.Kind kind, PageRequest page) {
        return Panache.withSession(() -> taxRates.page(caller.tenancy(), kind, page));
    }

    public Uni<TaxRate> get(Caller caller, UUID id) {
        return Panache.withSession(() -> taxRates.visibleTo(caller.tenancy(), id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Tax rate", id));
    }

    public Uni<TaxRate> create(Caller caller, NewTaxRate request) {
        String category = request.vatCategory() != null ? request.vatCategory() : TaxRate.defaultCategory(request.kind(), request.percent());
        TaxRate.requireConsistent(request.kind(), request.percent(), category);
        return Panache.withTransaction(() -> refuseSystemName(request.name()).flatMap(ignored -> {
                    OffsetDateTime now = Clocks.now(clock);
                    TaxRate rate = new TaxRate();
                    rate.id = UuidV7.next();
                    rate.tenantId = caller.tenantId();
                    rate.testMode = caller.test();
                    rate.name = request.name();
                    rate.kind = request.kind();
                    rate.percent = request.percent();
                    rate.vatCategory = category;
                    rate.createdAt = now;
                    rate.updatedAt = now;
                    return taxRates.persistAndFlush(rate);
                }))
                .onFailure(UniqueViolation::in).transform(failure -> nameTaken(request.name()));
    }

    /**
     * Only the fields sent change. A rate in use may change: its lines keep the percent and category they were priced
     * with, later lines take the new ones. When the kind changes and no category is sent, the category is the new
     * kind's default.
     */
    public Uni<TaxRate> update(Caller caller, UUID id, TaxRateChanges changes) {
        return Panache.withTransaction(() -> own(caller.tenancy(), id, "modified").flatMap(rate -> {
                    if (changes.name() != null) {
                        rate.name = changes.name().value();
                    }
                    if (changes.percent() != null) {
                        rate.percent = changes.percent().value();
                    }
                    if (changes.kind() != null && changes.kind().value() != rate.kind) {
                        rate.kind = changes.kind().value();
                        if (changes.vatCategory() == null) {
                            rate.vatCategory = TaxRate.defaultCategory(rate.kind, rate.percent);
                        }
                    }
                    if (changes.vatCategory() != null) {
                        rate.vatCategory = changes.vatCategory().value();
                    }
                    TaxRate.requireConsistent(rate.kind, rate.percent, rate.vatCategory);
                    rate.updatedAt = Clocks.now(clock);
                    Uni<Void> nameCheck = changes.name() != null ? refuseSystemName(rate.name) : Uni.createFrom().voidItem();
                    return nameCheck.flatMap(ignored -> taxRates.flush()).replaceWith(rate);
                }))
                .onFailure(UniqueViolation::in).transform(failure -> nameTaken(changes.name() != null ? changes.name().value() : ""));
    }

    /**
     * Deletes softly (lines keep their copy of the rate; the row stays for the data export). The rate's row lock makes
     * a concurrent invoice that uses it either finish first (then the rate is in use: 422) or not find it.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withTransaction(() -> own(caller.tenancy(), id, "deleted").flatMap(rate -> taxRates.inUse(rate.id).flatMap(used -> {
            if (used) {
                return Uni.createFrom().failure(ApiException.unprocessable(
                        "Tax rate '" + rate.name + "' is used on invoices and cannot be deleted."));
            }
            rate.deletedAt = Clocks.now(clock);
            rate.updatedAt = rate.deletedAt;
            return taxRates.flush();
        })));
    }

    /** The tenant's own rate, locked; a system rate is 422 (it cannot be {@code verb}), anything else 404. */
    private Uni<TaxRate> own(Tenancy tenancy, UUID id, String verb) {
        return taxRates.lockOwn(tenancy, id).flatMap(rate -> rate != null ? Uni.createFrom().item(rate)
                : taxRates.visibleTo(tenancy, id).map(visible -> {
                    if (visible != null && visible.system()) {
                        throw ApiException.unprocessable("'" + visible.name + "' is a system tax rate; system tax rates cannot be " + verb + ".");
                    }
                    throw ApiException.notFound("Tax rate", id);
                }));
    }

    private Uni<Void> refuseSystemName(String name) {
        return taxRates.systemNameTaken(name).map(taken -> {
            if (taken) {
                throw nameTaken(name);
            }
            return null;
        });
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("A tax rate named '" + name + "' already exists.");
    }
}
