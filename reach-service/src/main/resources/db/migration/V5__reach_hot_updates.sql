-- The running totals and the per-school delivered counts are updated far more often than rows are added: every batch
-- adds to the same campaign, month, partner and school rows. Room left in each page lets PostgreSQL update a row in
-- place of its page (a HOT update: no new index entry), as long as no key column changes, which they never do.
-- (V5, not V4: V4 is taken by the online reach tables on another branch.)
alter table reach_total set (fillfactor = 70);
alter table reach_school set (fillfactor = 70);
