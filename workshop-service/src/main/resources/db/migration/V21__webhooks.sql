-- A partner's endpoints, told of every change to its workshops. The secret signs the deliveries (Standard Webhooks):
-- it must be readable to sign, so it is kept as given, shown once to the partner and never in a listing or a log.
create table webhook (
    id           uuid        primary key,
    partner_code varchar(64) not null references partner (code),
    url          text        not null,
    secret       text        not null,
    status       varchar(16) not null,      -- ACTIVE, or DISABLED once a delivery found no 2xx for the retry period
    last_error   text,
    disabled_at  timestamptz,
    created_at   timestamptz not null
);
create index webhook_partner on webhook (partner_code, created_at);

-- One row per event and endpoint, written in the transaction of the change (beside its outbox row): nothing is lost
-- on a restart, and the unique key makes a second write of the same event a no-op. payload is the exact body sent.
create table webhook_delivery (
    id               bigserial   primary key,
    webhook_id       uuid        not null references webhook (id) on delete cascade,
    event_id         uuid        not null,
    workshop_id      uuid        not null,
    event_type       text        not null,
    payload          text        not null,
    status           varchar(16) not null,  -- PENDING, DELIVERED, FAILED (given up)
    attempts         int         not null,
    last_status_code int,
    last_error       text,
    next_attempt_at  timestamptz not null,
    give_up_at       timestamptz not null,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (event_id, webhook_id)
);
-- What the workers claim: due rows, and per endpoint and workshop the oldest one still pending (order per workshop).
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (webhook_id, workshop_id, id) where status = 'PENDING';
create index webhook_delivery_listing on webhook_delivery (webhook_id, id);
