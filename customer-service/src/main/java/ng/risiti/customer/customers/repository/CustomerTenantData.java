package ng.risiti.customer.customers.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/** customer-service's part of a tenant's data export: its customers, deleted ones included (they are still held), their contacts, and the TIN and NIN verifications it asked for. */
@ApplicationScoped
public class CustomerTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(new ExportedTable("customers", """
                select id, name, email, phone, tin, tin_verified, nin_verified, street_name, city_name, postal_zone, country,
                       currency, notes, test_mode, created_at, updated_at, deleted_at
                from customers where tenant_id = ?1 order by id"""),
                new ExportedTable("customer_contacts", """
                        select c.id, c.customer_id, c.name, c.email, c.phone, c.role, c.created_at
                        from customer_contacts c join customers owner on owner.id = c.customer_id
                        where owner.tenant_id = ?1 order by c.id"""),
                new ExportedTable("verifications", """
                        select id, type, number, customer_id, valid, registered_name, charge_kobo, test_mode, checked_at
                        from verifications where tenant_id = ?1 order by id"""));
    }
}
