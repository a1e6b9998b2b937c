-- The W3C traceparent of the request that queued the submission (docs/observability.md): the worker that claims it, on
-- any replica and after a restart, continues that trace, and invoice.firs_submitted / _failed carry it on. Null when
-- tracing is off or for rows queued before this column.
alter table submissions add column trace_parent text;
