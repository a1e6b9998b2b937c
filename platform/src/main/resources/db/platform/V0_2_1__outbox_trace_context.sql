-- The W3C traceparent of the transaction that wrote an event (null when tracing is off): the relay puts it in the Kafka
-- record's headers, so a consumer continues the writer's trace even when another replica relays the row, or after a
-- restart. Numbered 0.2.1 so it sorts after 0.2 and collides with no later platform migration.
alter table outbox_events add column trace_parent text;
