-- Responses to POST requests that carried an Idempotency-Key, so that a retry replays the first response.
create table idempotency_key (
    scope        text        not null,   -- who and where: the token's subject, the method and the path
    key          text        not null,
    request_hash text        not null,   -- the same key with another body is refused
    status       int         not null,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz not null default clock_timestamp(),
    primary key (scope, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
