-- A school's row of the totals keeps its completed workshops per class level (the collège's four years, then none:
-- parents, or pupils of several years), a closed list the decoder checks. Whether it is reached for a class level
-- then follows from that row, as for its campaign (V10) and its audiences (V11); the per-school counts under the
-- class-level keys are no longer kept. Only the schools' rows use these columns; they stay 0 on the others.
alter table reach_total
    add column sixieme_workshops        bigint not null default 0,
    add column cinquieme_workshops      bigint not null default 0,
    add column quatrieme_workshops      bigint not null default 0,
    add column troisieme_workshops      bigint not null default 0,
    add column no_class_level_workshops bigint not null default 0;

update reach_total t
set sixieme_workshops = c.sixieme, cinquieme_workshops = c.cinquieme, quatrieme_workshops = c.quatrieme,
    troisieme_workshops = c.troisieme, no_class_level_workshops = c.none
from (select campaign_code, school_uai,
             count(*) filter (where class_level = 'SIXIEME')   as sixieme,
             count(*) filter (where class_level = 'CINQUIEME') as cinquieme,
             count(*) filter (where class_level = 'QUATRIEME') as quatrieme,
             count(*) filter (where class_level = 'TROISIEME') as troisieme,
             count(*) filter (where class_level is null)       as none
      from workshop_contribution where status = 'COMPLETED'
      group by campaign_code, school_uai) c
where t.dimension = 'school' and t.campaign_code = c.campaign_code and t.key = c.school_uai;

delete from reach_school where dimension = 'classLevel';
