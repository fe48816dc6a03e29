-- Tables of the event backbone, in every service's database (see docs/architecture.md, "Events").

-- The transactional outbox: written in the same transaction as the change it describes.
create table outbox_event (
    seq               bigserial primary key,
    id                uuid        not null unique,       -- the CloudEvents ce_id
    topic             text        not null,
    aggregate_id      text        not null,              -- the record key and ce_subject
    aggregate_version bigint      not null,
    event_type        text        not null,              -- ce_type
    payload           text        not null,              -- the JSON data, as published
    occurred_at       timestamptz not null,              -- ce_time
    created_at        timestamptz not null default clock_timestamp(),
    published_at      timestamptz
);
-- The relay selects by "not yet published", in insertion order: this index stays as small as the backlog.
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- What each versioned consumer has applied: the newest version per aggregate.
create table consumed_version (
    consumer     text   not null,
    topic        text   not null,
    aggregate_id text   not null,
    version      bigint not null,
    primary key (consumer, topic, aggregate_id)
);

-- Records a consumer could not apply: kept with the reason, never dropped, never blocking the stream.
create table dead_letter (
    id           bigserial primary key,
    consumer     text        not null,
    topic        text        not null,
    partition    int         not null,
    record_offset bigint     not null,
    record_key   text,
    event_id     text,
    event_type   text,
    payload      text,
    reason       text        not null,
    received_at  timestamptz not null default clock_timestamp(),
    unique (consumer, topic, partition, record_offset)
);
