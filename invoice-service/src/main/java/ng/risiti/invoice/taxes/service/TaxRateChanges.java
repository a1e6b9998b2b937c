package ng.risiti.invoice.taxes.service;

import java.math.BigDecimal;
import ng.risiti.invoice.taxes.domain.TaxRate;
import ng.risiti.platform.rest.Change;

/** What a PATCH of a tax rate sent: a null field was not sent (unchanged); a {@link Change} of null clears the category. */
public record TaxRateChanges(Change<String> name, Change<BigDecimal> percent, Change<TaxRate.Kind> kind, Change<String> vatCategory) {
}
