package ng.risiti.invoice.taxes.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

/** Which tax rate prices each invoice line: one the tenant may use, VAT only, the standard VAT where a line names none. */
@ApplicationScoped
public class TaxRateService {

    private final TaxRateRepository taxRates;

    public TaxRateService(TaxRateRepository taxRates) {
        this.taxRates = taxRates;
    }

    /**
     * The rate of each line, in line order, given the rate id each line names (null: none). Runs in the caller's
     * session; a rate that is not the tenant's or the system's, or is not VAT, is 400 VALIDATION_ERROR on
     * {@code line_items.<i>.tax_rate_id}, every bad line named.
     */
    public Uni<List<TaxRate>> ofLines(UUID tenantId, List<UUID> lineRateIds) {
        Set<UUID> ids = new HashSet<>();
        lineRateIds.forEach(id -> ids.add(id != null ? id : TaxRate.STANDARD_VAT));
        return taxRates.usableBy(tenantId, ids).map(found -> {
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
    public Uni<TaxRate> whtRate(UUID tenantId, UUID rateId) {
        if (rateId == null) {
            return Uni.createFrom().nullItem();
        }
        return taxRates.usableBy(tenantId, Set.of(rateId)).map(found -> {
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
}
