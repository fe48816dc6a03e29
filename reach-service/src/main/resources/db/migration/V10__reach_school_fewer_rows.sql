-- A school's completed workshops in a campaign are already its row of the totals (student plus parent workshops under
-- its school key): whether it is reached in the campaign, and under its own key, follows from that row. The per-school
-- counts under the campaign and school keys repeated that figure in two more rows written by every batch; the
-- projection no longer keeps them (the campaign's count of schools reached is moved on from the schools' rows).
delete from reach_school where dimension in ('campaign', 'school');

-- What the projection now keeps up on each school's row, as V2 counted it from the rows deleted above.
update reach_total set schools = case when student_workshops + parent_workshops > 0 then 1 else 0 end
where dimension = 'school' and schools <> case when student_workshops + parent_workshops > 0 then 1 else 0 end;
