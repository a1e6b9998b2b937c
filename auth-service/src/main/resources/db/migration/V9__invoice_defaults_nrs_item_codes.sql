-- NRS asks every invoice line for an HS code and a product category (issue 11). A tenant that sells one kind of thing
-- sets them once here; a line that names its own keeps it.
alter table tenant_settings
    add column default_hsn_code          text check (default_hsn_code ~ '^[0-9]{4}(\.[0-9]{2}){0,3}$'),
    add column default_product_category  text check (length(default_product_category) <= 100);
