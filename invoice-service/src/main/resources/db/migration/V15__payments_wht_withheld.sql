-- What the payer withheld as WHT beside a payment (issue 16): it settles that much of the invoice without reaching the
-- bank, and the journal posts it to WHT Receivable (the tenant reclaims it with the payer's WHT credit note).
alter table payments add column wht_withheld_kobo bigint not null default 0 check (wht_withheld_kobo >= 0);
