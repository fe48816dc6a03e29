-- Schools reached per (campaign, dimension, key), kept as a running count next to the other totals so that a summary or a
-- breakdown reads it instead of counting reach_school rows on every request. The projection adds 1 when a school's
-- delivered count under the key goes from 0 to above 0, and subtracts 1 when it goes back to 0.
alter table reach_total add column schools bigint not null default 0;

insert into reach_total (campaign_code, dimension, key, schools)
select campaign_code, dimension, key, count(*) from reach_school where delivered > 0 group by campaign_code, dimension, key
on conflict (campaign_code, dimension, key) do update set schools = excluded.schools;
