-- A school's completed workshops per audience are already its row of the totals (student and parent workshops under
-- its school key, the two audiences there are): whether it is reached for an audience follows from that row, as for
-- its campaign since V10. The per-school counts under the audience keys repeated those figures in one more row
-- written per completed workshop; the projection no longer keeps them. The audiences' counts of schools reached, in
-- reach_total, are right as they are and are moved on from the schools' rows from now on.
delete from reach_school where dimension = 'audience';
