create extension if not exists btree_gist;

create table campaign (
    code                      varchar(64) primary key,
    name                      text        not null,
    starts_on                 date        not null,
    ends_on                   date        not null,
    target_students           int         not null check (target_students >= 0),
    target_parents            int         check (target_parents >= 0),
    target_student_workshops  int         not null check (target_student_workshops >= 0),
    target_parent_workshops   int         not null check (target_parent_workshops >= 0),
    target_schools            int         not null check (target_schools >= 0),
    version                   bigint      not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    check (ends_on >= starts_on)
);

create table partner (
    code       varchar(64) primary key,
    name       text        not null,
    created_at timestamptz not null
);

-- Facilitators are adults; their contact e-mail stays here: never in events, never in logs.
create table facilitator (
    id            uuid        primary key,
    partner_code  varchar(64) not null references partner (code),
    display_name  text        not null,
    contact_email text        not null,
    created_at    timestamptz not null
);
create index facilitator_partner on facilitator (partner_code, display_name);

create table workshop (
    id                  uuid        primary key,
    campaign_code       varchar(64) not null references campaign (code),
    school_uai          varchar(8)  not null,
    partner_code        varchar(64) not null references partner (code),
    facilitator_id      uuid        not null references facilitator (id),
    audience            varchar(16) not null,
    class_level         varchar(16),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    capacity            int         not null check (capacity between 1 and 1000),
    status              varchar(16) not null,
    attendees           int         check (attendees between 0 and 1000),
    cancellation_reason text,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (ends_at > starts_at),
    -- No double booking, enforced where two simultaneous requests cannot both win: a facilitator is in at most
    -- one non-cancelled workshop at any instant.
    constraint workshop_no_double_booking exclude using gist (
        facilitator_id with =, tstzrange(starts_at, ends_at) with &&) where (status <> 'CANCELLED')
);
create index workshop_campaign on workshop (campaign_code, starts_at);
create index workshop_partner on workshop (partner_code, starts_at);
create index workshop_school on workshop (school_uai);

-- The audit trail: who did what, when, what changed from what to what, and why.
create table workshop_history (
    id          bigserial   primary key,
    workshop_id uuid        not null references workshop (id),
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    changes     text        not null,
    reason      text
);
create index workshop_history_workshop on workshop_history (workshop_id, id);
