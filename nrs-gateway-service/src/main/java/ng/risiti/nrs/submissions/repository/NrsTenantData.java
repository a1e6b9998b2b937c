package ng.risiti.nrs.submissions.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ng.risiti.platform.export.ExportedTable;
import ng.risiti.platform.export.TenantData;

/** nrs-gateway-service's part of a tenant's data export: its submissions to the NRS. */
@ApplicationScoped
public class NrsTenantData implements TenantData {

    @Override
    public List<ExportedTable> tables() {
        return List.of(new ExportedTable("submissions", """
                select id, invoice_id, invoice_number, irn, lower(status) as status, test_mode, created_at, updated_at
                from submissions where tenant_id = ?1 order by id"""));
    }
}
