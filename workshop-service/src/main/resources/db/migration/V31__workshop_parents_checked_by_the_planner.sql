-- A workshop's campaign, partner and facilitator are checked by the planner, in the transaction that writes the
-- workshop (DraftFactsQuery), and none of them is ever deleted or renamed: no API deletes a campaign, a partner or a
-- facilitator (a facilitator is deactivated), and their keys never change. The foreign keys guarded nothing more, and
-- cost every creation three row locks on rows that every creation of the campaign shares: with many creations at
-- once, PostgreSQL turns those shared locks into multixacts, whose cost grows with the number of concurrent
-- lockers (docs/benchmark-methods.md). A change that deletes one of these rows must bring its constraint back.
alter table workshop drop constraint workshop_campaign_code_fkey;
alter table workshop drop constraint workshop_partner_code_fkey;
alter table workshop drop constraint workshop_facilitator_id_fkey;
