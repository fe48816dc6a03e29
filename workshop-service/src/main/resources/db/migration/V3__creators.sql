-- Online targets of a campaign, optional: impressions, accounts reached and engagements of the creators' posts.
alter table campaign add column target_impressions       bigint check (target_impressions >= 0);
alter table campaign add column target_accounts_reached  bigint check (target_accounts_reached >= 0);
alter table campaign add column target_engagements       bigint check (target_engagements >= 0);

-- Content creators: adults with a public handle. Nothing about their audience is stored.
create table creator (
    handle       varchar(64) primary key,   -- lower case, without the leading '@'
    platform     varchar(16) not null,      -- where they mainly publish; each post says its own platform
    display_name text        not null,
    active       boolean     not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

-- A creator's post for a campaign, with its current figures: those of its snapshot with the newest measured_at.
create table creator_post (
    id                uuid        primary key,
    campaign_code     varchar(64) not null references campaign (code),
    creator_handle    varchar(64) not null references creator (handle),
    platform          varchar(16) not null,
    url               text        not null,
    published_at      timestamptz not null,
    format            varchar(16) not null,
    measured_at       timestamptz,
    impressions       bigint check (impressions >= 0),
    accounts_reached  bigint check (accounts_reached >= 0),
    views             bigint check (views >= 0),
    likes             bigint check (likes >= 0),
    comments          bigint check (comments >= 0),
    shares            bigint check (shares >= 0),
    saves             bigint check (saves >= 0),
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint creator_post_url unique (url)
);
create index creator_post_campaign on creator_post (campaign_code, published_at);
create index creator_post_creator on creator_post (creator_handle, published_at);

-- Every snapshot of a post's figures, late ones included; one per post and measured_at.
create table creator_post_metrics (
    id                bigserial   primary key,
    post_id           uuid        not null references creator_post (id),
    measured_at       timestamptz not null,
    impressions       bigint check (impressions >= 0),
    accounts_reached  bigint check (accounts_reached >= 0),
    views             bigint check (views >= 0),
    likes             bigint check (likes >= 0),
    comments          bigint check (comments >= 0),
    shares            bigint check (shares >= 0),
    saves             bigint check (saves >= 0),
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    constraint creator_post_metrics_once unique (post_id, measured_at)
);

-- The audit trail of creators and their posts: subject is a creator's handle or a post's id.
create table creator_history (
    id      bigserial   primary key,
    subject text        not null,
    at      timestamptz not null,
    actor   text        not null,
    action  text        not null,
    changes text        not null,
    reason  text
);
create index creator_history_subject on creator_history (subject, id);
