package ng.risiti.platform.export;

import java.util.List;

/**
 * What a service holds about a tenant, as its part of a data export (docs/specification.md, Data export): one bean per service. Tables
 * name their columns, so secrets (password and key hashes, private keys, bearer tokens) are left out by not being
 * selected, and a new column stays out of exports until somebody decides it belongs there.
 */
public interface TenantData {

    List<ExportedTable> tables();
}
