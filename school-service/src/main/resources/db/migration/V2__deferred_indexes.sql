-- The indexes a first load of the directory dropped, written in the load's own transaction: they are built again once
-- it has committed, concurrently with readers, by whichever instance gets to them first (DeferredIndexes). A row that
-- outlives a stopped service is built by the next instance to look.
create table deferred_index (
    name        text        primary key,
    definition  text        not null,
    deferred_at timestamptz not null default now()
);
