-- reach_school is the projection's busiest table: about 1.3 rows upserted per workshop event, each found by its
-- primary key. With that key as four text columns (campaign, dimension, key, school), PostgreSQL spent 13 to 16 µs
-- per row; keyed by one integer and the school, the same upsert takes about 8 µs (benchmark-methods.md,
-- "reach_school keyed by a number"). The (campaign, dimension, key) triples are few (a campaign's partners and
-- months), so they get a number of their own in reach_school_key, and reach_school refers to it.
create table reach_school_key (
    id            integer generated always as identity primary key,
    campaign_code text not null,
    dimension     text not null,
    key           text not null,
    unique (campaign_code, dimension, key)
);

insert into reach_school_key (campaign_code, dimension, key)
select distinct campaign_code, dimension, key from reach_school order by 1, 2, 3;

create table reach_school_by_number (
    key_id     integer not null,
    school_uai text    not null,
    delivered  bigint  not null default 0,
    primary key (key_id, school_uai)
) with (fillfactor = 70);

insert into reach_school_by_number (key_id, school_uai, delivered)
select k.id, s.school_uai, s.delivered
from reach_school s join reach_school_key k using (campaign_code, dimension, key);

drop table reach_school;
alter table reach_school_by_number rename to reach_school;
alter index reach_school_by_number_pkey rename to reach_school_pkey;
