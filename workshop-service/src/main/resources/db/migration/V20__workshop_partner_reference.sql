-- A partner's own reference for a workshop (its spreadsheet's or CRM's id), unique per partner, so that a bulk
-- upload finds again what it created and reads can use the partner's id.
alter table workshop add column partner_reference varchar(64);
create unique index workshop_partner_reference on workshop (partner_code, partner_reference) where partner_reference is not null;

-- Reconciliation reads ("what changed since") walk the workshops by update time.
create index workshop_updated on workshop (updated_at, id);
