package ng.risiti.invoice.taxes.service;

import java.math.BigDecimal;
import ng.risiti.invoice.taxes.domain.TaxRate;

/** A tenant's own tax rate to create: {@code vatCategory} null lets a VAT rate take its default (S above 0 %). */
public record NewTaxRate(String name, BigDecimal percent, TaxRate.Kind kind, String vatCategory) {
}
