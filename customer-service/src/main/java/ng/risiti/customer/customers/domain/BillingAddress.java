package ng.risiti.customer.customers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address in UBL's terms (street, city, postal zone, ISO 3166 country). */
@Embeddable
public class BillingAddress {

    @Column(name = "street_name")
    public String streetName;
    @Column(name = "city_name")
    public String cityName;
    @Column(name = "postal_zone")
    public String postalZone;
    public String country;
}
