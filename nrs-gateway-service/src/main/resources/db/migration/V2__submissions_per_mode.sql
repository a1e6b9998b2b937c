-- Test mode is a separate world: submissions are listed per mode.
drop index submissions_tenant_id;
create index submissions_tenant_id on submissions (tenant_id, test_mode, id desc);
