package ng.risiti.invoice.invoices.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of an invoice, priced when it is set. */
@Entity
@Table(name = "invoice_lines")
public class InvoiceLine extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    public Invoice invoice;
    public int position;
    public String description;
    public BigDecimal quantity;
    @Column(name = "unit_price_kobo")
    public Kobo unitPrice;
    @Column(name = "discount_percent")
    public BigDecimal discountPercent;
    @Column(name = "tax_rate_id")
    public UUID taxRateId;
    @Column(name = "tax_percent")
    public BigDecimal taxPercent;
    /** UNCL5305 as EN 16931 uses it: S standard, Z zero-rated, E exempt. */
    @Column(name = "vat_category")
    public String vatCategory = "S";
    /** NRS's item classification (HS code) and product category, sent with the line to NRS. */
    @Column(name = "hsn_code")
    public String hsnCode;
    @Column(name = "product_category")
    public String productCategory;
    @Column(name = "net_kobo")
    public Kobo net;
    @Column(name = "tax_kobo")
    public Kobo tax;
    @Column(name = "total_kobo")
    public Kobo total;

    public void price() {
        LinePrice price = LinePrice.of(quantity, unitPrice, discountPercent, taxPercent);
        net = price.net();
        tax = price.tax();
        total = price.total();
    }
}
