-- An NRS Service ID names one business at NRS: no two tenants may claim the same one (it would put one tenant's IRNs
-- under another's name). Case does not make a different ID.
create unique index tenant_settings_nrs_service_id on tenant_settings (upper(nrs_service_id)) where nrs_service_id is not null;
