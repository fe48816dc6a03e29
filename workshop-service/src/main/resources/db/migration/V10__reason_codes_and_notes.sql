-- Reasons become codes, and free text a short note that never leaves this service (docs/architecture.md, "Reasons,
-- notes and redaction"). Free text used to travel into events, idempotency records and the history's changes; a
-- reason once named a child.
--
-- Existing free text is kept as the note of the same change, with the code OTHER: it is then shown only to staff and
-- the workshop's partner, and staff can redact it. It is removed from everywhere else in this database: the history's
-- changes, the outbox (published rows are kept 7 days for diagnosis; unpublished ones would still go out) and the
-- idempotency records' stored bodies. Events already in Kafka cannot be changed from here.

alter table workshop add column cancellation_reason_code varchar(32);
alter table workshop add column cancellation_note text;
update workshop set cancellation_reason_code = 'OTHER', cancellation_note = cancellation_reason
 where status = 'CANCELLED' or cancellation_reason is not null;
alter table workshop drop column cancellation_reason;
alter table workshop add constraint workshop_cancellation_reason_code
    check ((status = 'CANCELLED') = (cancellation_reason_code is not null));

alter table workshop_history add column reason_code varchar(32);
alter table workshop_history add column note text;
update workshop_history set reason_code = 'OTHER', note = reason where reason is not null;
alter table workshop_history drop column reason;
update workshop_history
   set changes = ((changes::jsonb - 'cancellationReason') || jsonb_build_object('cancellationReasonCode', jsonb_build_object(
           'from', case when changes::jsonb -> 'cancellationReason' ->> 'from' is null then null else 'OTHER' end,
           'to', case when changes::jsonb -> 'cancellationReason' ->> 'to' is null then null else 'OTHER' end)))::text
 where changes::jsonb ? 'cancellationReason';

update outbox_event
   set payload = ((payload::jsonb - 'cancellationReason') || jsonb_build_object('cancellationReasonCode',
           case when payload::jsonb ->> 'cancellationReason' is null then null else 'OTHER' end))::text
 where topic = 'workshop-events' and payload::jsonb ? 'cancellationReason';

update idempotency_key
   set body = ((body::jsonb - 'cancellationReason') || jsonb_build_object('cancellationReasonCode',
           case when body::jsonb ->> 'cancellationReason' is null then null else 'OTHER' end))::text
 where body like '%"cancellationReason"%' and jsonb_typeof(body::jsonb) = 'object';

-- The school's type, from school-events: campaigns hold pupil workshops only in the types they allow.
alter table school_replica add column school_type varchar(32);

-- The school types where a campaign's pupil workshops may take place, names joined by commas.
alter table campaign add column student_school_types text not null default 'COLLEGE';
