-- Whom to tell about a tenant's webhooks (an endpoint paused after days of failures): the owner's email from
-- user.created/user.updated of the owner on risiti.tenants.v1, else the business's contact email. Newer-wins by the
-- tenant's aggregate version.
create table tenant_contacts (
    tenant_id      uuid         primary key,
    business_name  text,
    owner_email    text,
    contact_email  text,
    version        bigint       not null,
    updated_at     timestamptz  not null
);
