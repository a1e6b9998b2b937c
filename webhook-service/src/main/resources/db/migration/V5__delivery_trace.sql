-- The W3C traceparent of what queued the delivery (the consumer span of the event it delivers, or the request of a
-- webhook.test): every attempt, on any replica, is a span in that trace and sends it to the receiver as the
-- traceparent header (docs/observability.md). Null when tracing is off or for rows queued before this column.
alter table webhook_deliveries add column trace_parent text;
