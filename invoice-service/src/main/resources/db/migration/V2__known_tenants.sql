-- This service's copy of each tenant's invoicing settings (from risiti.tenants.v1): the NRS Service ID its IRNs carry.

create table known_tenants (
    id              uuid         primary key,
    name            text         not null,
    tin             text,
    nrs_service_id  text,
    updated_at      timestamptz
);
