-- Where the last rebuild of the projection is, shared by every reach instance: any instance accepts a rebuild, one
-- runs it (the runner, which beats its heart here), and every instance answers GET /api/v1/reach/rebuild the same.
create table rebuild_state (
    id           int primary key check (id = 1),
    state        text not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    detail       text,
    runner       text,
    heartbeat_at timestamptz
);
insert into rebuild_state (id, state) values (1, 'IDLE');
