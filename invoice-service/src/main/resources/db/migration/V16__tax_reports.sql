-- Tax reports (issue 16): the VAT returns and WHT schedules a tenant generated, each with its figures as they were when
-- generated (the books may move later: a late payment, a credit note). Generating the same kind and period again stores
-- the next version beside the earlier ones; nothing is overwritten.
create table tax_reports (
    id            uuid         primary key,
    tenant_id     uuid         not null,
    test_mode     boolean      not null,
    kind          text         not null check (kind in ('vat', 'wht')),
    period_from   date         not null,
    period_to     date         not null,
    -- "2026-04" when the period is a calendar month, else null
    period_month  text,
    version       int          not null check (version > 0),
    figures       jsonb        not null,
    created_at    timestamptz  not null,
    constraint tax_reports_period check (period_to >= period_from),
    constraint tax_reports_version_unique unique (tenant_id, test_mode, kind, period_from, period_to, version)
);
create index tax_reports_tenant_id on tax_reports (tenant_id, test_mode, id desc);
