-- Rows the broker will never take (over its record size limit) are parked with the reason instead of blocking every
-- later row of the service: the relay skips them, a metric counts them, an admin reads them here.
alter table outbox_event add column parked_at timestamptz, add column parked_reason text;
drop index outbox_event_unpublished;
create index outbox_event_unpublished on outbox_event (seq) where published_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (seq) where parked_at is not null;
