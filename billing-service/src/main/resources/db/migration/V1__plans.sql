-- Subscription plans are data (seed 002 Billing and Rate limiting; seed 000 API pricing), not code.

create table plans (
    slug                     text     primary key,
    name                     text     not null,
    position                 integer  not null,
    monthly_price_kobo       bigint,
    annual_discount_percent  integer  not null,
    api_calls_per_day        integer,
    burst_per_minute         integer,
    nrs_submission           boolean  not null,
    pdf_and_xml              boolean  not null,
    credit_notes             boolean  not null,
    custom_pricing           boolean  not null
);

insert into plans values
    ('free',       'Free',       0, 0,       20, 500,   30,  false, false, false, false),
    ('starter',    'Starter',    1, 500000,  20, 5000,  100, true,  true,  true,  false),
    ('growth',     'Growth',     2, 2000000, 20, 50000, 300, true,  true,  true,  false),
    ('enterprise', 'Enterprise', 3, null,    20, null,  null, true, true,  true,  true);
