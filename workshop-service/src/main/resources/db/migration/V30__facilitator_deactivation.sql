-- A facilitator who stops working for a partner is deactivated, not deleted: the workshops they led keep naming them.
alter table facilitator add column deactivated_at timestamptz;
