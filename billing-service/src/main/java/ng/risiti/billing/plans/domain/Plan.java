package ng.risiti.billing.plans.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subscription plan: price, API limits and the features it unlocks. Null limits and price mean custom (Enterprise). */
@Entity
@Table(name = "plans")
public class Plan extends PanacheEntityBase {

    @Id
    public String slug;
    public String name;
    public int position;
    @Column(name = "monthly_price_kobo")
    public Long monthlyPriceKobo;
    @Column(name = "annual_discount_percent")
    public int annualDiscountPercent;
    @Column(name = "api_calls_per_day")
    public Integer apiCallsPerDay;
    @Column(name = "burst_per_minute")
    public Integer burstPerMinute;
    @Column(name = "nrs_submission")
    public boolean nrsSubmission;
    @Column(name = "pdf_and_xml")
    public boolean pdfAndXml;
    @Column(name = "credit_notes")
    public boolean creditNotes;
    @Column(name = "custom_pricing")
    public boolean customPricing;

    @Column(name = "invoices_per_month")
    public Integer invoicesPerMonth;

    /** Twelve months less the annual discount, rounded half-up to the kobo. */
    public Long annualPriceKobo() {
        if (monthlyPriceKobo == null) {
            return null;
        }
        return (monthlyPriceKobo * 12 * (100 - annualDiscountPercent) + 50) / 100;
    }
}
