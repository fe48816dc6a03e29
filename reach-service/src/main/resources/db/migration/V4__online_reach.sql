-- The campaign's online reach, from creator-post-events: kept apart from the workshops' tables, so that nothing online
-- is ever added to students or parents sensitised.

-- A campaign's optional online targets, from campaign-events.
create table campaign_online_target (
    code             text primary key,
    impressions      bigint,
    accounts_reached bigint,
    engagements      bigint
);

create table creator_info (
    handle text primary key,
    name   text
);

-- One row per post: its last applied state, hence what it contributes and where. Accounts reached are the post's own
-- (platforms count them per post and do not de-duplicate across posts), so totals sum them per post.
create table creator_post_contribution (
    post_id          uuid primary key,
    campaign_code    text   not null,
    creator_handle   text   not null,
    platform         text   not null,
    day              date   not null,   -- the Paris date of its publication: a post counts in the period it was published
    impressions      bigint not null,
    accounts_reached bigint not null,
    engagements      bigint not null,   -- likes + comments + shares + saves
    version          bigint not null
);
create index creator_post_contribution_campaign_day on creator_post_contribution (campaign_code, day);

-- Running online totals per (campaign, dimension, key); dimension is campaign, creator, platform, month or day.
create table online_total (
    campaign_code    text   not null,
    dimension        text   not null,
    key              text   not null,
    creators         bigint not null default 0,
    posts            bigint not null default 0,
    impressions      bigint not null default 0,
    accounts_reached bigint not null default 0,
    engagements      bigint not null default 0,
    primary key (campaign_code, dimension, key)
);

-- Posts per (campaign, dimension, key, creator): a creator counts under a key while this is > 0.
create table online_creator (
    campaign_code  text   not null,
    dimension      text   not null,
    key            text   not null,
    creator_handle text   not null,
    posts          bigint not null default 0,
    primary key (campaign_code, dimension, key, creator_handle)
);
