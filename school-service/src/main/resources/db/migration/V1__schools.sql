create extension if not exists pg_trgm;

create table school (
    uai                varchar(8)   primary key,
    name               text         not null,
    type               varchar(32)  not null,
    sector             varchar(16),
    commune_code       varchar(5),
    commune_name       text         not null,
    postal_code        varchar(5),
    department_code    varchar(3)   not null,
    academy_code       varchar(2)   not null,
    region_code        varchar(2)   not null,
    education_priority varchar(16)  not null,
    pupils             integer      check (pupils >= 0),
    status             varchar(16)  not null,
    version            bigint       not null,
    -- name and commune, lower-cased and without accents or punctuation: what q= searches
    search_text        text         not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

create index school_name on school (name, uai);
create index school_filters on school (academy_code, department_code, type, status);
create index school_region on school (region_code);
create index school_search on school using gin (search_text gin_trgm_ops);
