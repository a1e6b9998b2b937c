-- Test mode is a separate world: numbering, invoice numbers and the customer replica are per mode. Replicas apply
-- newer-wins by the events' aggregate version. IRNs are unique per tenant (NRS's own uniqueness), not across tenants.

alter table known_customers
    add column test_mode boolean not null default false,
    add column version   bigint  not null default 0;
alter table known_tenants add column version bigint not null default 0;

alter table invoice_number_counters add column test_mode boolean not null default false;
alter table invoice_number_counters drop constraint invoice_number_counters_pkey;
alter table invoice_number_counters add primary key (tenant_id, test_mode, year);

alter table invoices drop constraint invoices_number_unique;
alter table invoices add constraint invoices_number_unique unique (tenant_id, test_mode, invoice_number);

drop index invoices_tenant_id;
create index invoices_tenant_id on invoices (tenant_id, test_mode, id desc);

drop index invoices_irn_unique;
create unique index invoices_irn_unique on invoices (tenant_id, irn) where irn is not null;

-- Private signing keys are sealed with the service key (SecretBox) from now on; rows stored before stay readable.
comment on column tenant_signing_keys.private_key is 'PKCS#8, AES-256-GCM sealed (SecretBox, context invoice-signing-key:<tenant>)';
