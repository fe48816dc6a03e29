-- The reach projection: built only from events, exact after every committed batch.

-- Schools as school-events describe them: their geography is joined at read time, so breakdowns follow a move.
create table school_info (
    uai             varchar(8) primary key,
    name            text       not null,
    department_code text       not null,
    department_name text       not null,
    academy_code    text       not null,
    academy_name    text       not null,
    region_code     text       not null,
    region_name     text       not null
);

create table campaign_info (
    code                     text primary key,
    name                     text not null,
    starts_on                date not null,
    ends_on                  date not null,
    target_students          int  not null,
    target_parents           int,
    target_student_workshops int  not null,
    target_parent_workshops  int  not null,
    target_schools           int  not null
);

create table partner_info (
    code text primary key,
    name text
);

-- One row per workshop: its last applied state, hence what it contributes and where.
create table workshop_contribution (
    workshop_id   uuid primary key,
    campaign_code text not null,
    school_uai    text not null,
    partner_code  text not null,
    audience      text not null,
    class_level   text,
    day           date not null,        -- the Paris date of its start: a workshop counts in the period of its start
    status        text not null,
    attendees     int  not null,
    version       bigint not null
);
create index workshop_contribution_campaign_day on workshop_contribution (campaign_code, day);

-- Running totals per (campaign, dimension, key); dimension is campaign, school, partner, audience, classLevel,
-- month or day. Updated by adding the new contribution and subtracting the old one, in the consumer's transaction.
create table reach_total (
    campaign_code       text   not null,
    dimension           text   not null,
    key                 text   not null,
    students            bigint not null default 0,
    parents             bigint not null default 0,
    student_workshops   bigint not null default 0,
    parent_workshops    bigint not null default 0,
    scheduled_workshops bigint not null default 0,
    primary key (campaign_code, dimension, key)
);

-- Completed workshops per (campaign, dimension, key, school): a school is reached under a key while this is > 0.
create table reach_school (
    campaign_code text   not null,
    dimension     text   not null,
    key           text   not null,
    school_uai    text   not null,
    delivered     bigint not null default 0,
    primary key (campaign_code, dimension, key, school_uai)
);

-- When the newest applied event happened (its CloudEvents time): what the totals are "as of".
create table projection_state (
    name   text primary key,
    as_of  timestamptz
);
